package dev.quiver.sql.user;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * An account: a user name (case-sensitive, empty for the anonymous user) and a host pattern (stored lower case, as
 * MySQL 8 does). {@code 'u'} alone means {@code 'u'@'%'}.
 */
public record AccountName(String user, String host)
        implements Comparable<AccountName>
{
    public AccountName
    {
        requireNonNull(user, "user is null");
        host = requireNonNull(host, "host is null").toLowerCase(Locale.ROOT);
    }

    /** {@code 'u'@'h'}, as MySQL names accounts in messages (1396, 3162, 3163). */
    public String quoted()
    {
        return "'" + user + "'@'" + host + "'";
    }

    /** {@code `u`@`h`}, as SHOW GRANTS names them. */
    public String backquoted()
    {
        return "`" + user.replace("`", "``") + "`@`" + host.replace("`", "``") + "`";
    }

    /** {@code u@h}, as CURRENT_USER() and the SHOW GRANTS column header write it. */
    public String plain()
    {
        return user + "@" + host;
    }

    @Override
    public int compareTo(AccountName other)
    {
        int byUser = user.compareTo(other.user);
        return byUser != 0 ? byUser : host.compareTo(other.host);
    }
}
