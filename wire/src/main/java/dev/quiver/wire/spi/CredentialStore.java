package dev.quiver.wire.spi;

import java.util.Optional;

/**
 * Where the wire layer finds the stored authentication data of an account. The wire layer checks the
 * scramble itself; the store only answers which account matches and what it stored.
 */
public interface CredentialStore
{
    /**
     * The account a login as {@code user} from {@code clientHost} maps to (most specific host pattern first),
     * or empty when none does.
     */
    Optional<StoredCredential> find(String user, String clientHost);
}
