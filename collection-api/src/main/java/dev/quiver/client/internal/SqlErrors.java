package dev.quiver.client.internal;

import dev.quiver.client.AccessDeniedException;
import dev.quiver.client.ClientException;
import dev.quiver.client.ConnectionException;
import dev.quiver.client.DuplicateKeyException;
import dev.quiver.client.UnsupportedFeatureException;

import java.sql.SQLException;

/** Turns a driver's {@link SQLException} into a typed {@link ClientException} keeping errno and SQLSTATE. */
public final class SqlErrors
{
    /** MySQL's {@code ER_DUP_ENTRY}. */
    public static final int DUPLICATE_ENTRY = 1062;
    /** MySQL's {@code ER_NO_SUCH_TABLE}. */
    public static final int NO_SUCH_TABLE = 1146;

    private SqlErrors() {}

    /**
     * The typed exception for a server error.
     *
     * @param action what the client was doing, e.g. {@code "upsert into collection 'docs'"}
     */
    public static ClientException translate(String action, SQLException exception)
    {
        int errorCode = exception.getErrorCode();
        String sqlState = exception.getSQLState();
        String message = "Failed to %s: %s".formatted(action, exception.getMessage());
        if (sqlState != null && sqlState.startsWith("08")) {
            return new ConnectionException(message, errorCode, sqlState, exception);
        }
        return switch (errorCode) {
            case DUPLICATE_ENTRY -> new DuplicateKeyException(message, errorCode, sqlState, exception);
            case 1044, 1045, 1142, 1143, 1227, 1370 -> new AccessDeniedException(message, errorCode, sqlState, exception);
            case 1235 -> new UnsupportedFeatureException(message, errorCode, sqlState, exception);
            default -> new ClientException(message, errorCode, sqlState, exception);
        };
    }

    /**
     * Whether an error means "table does not exist", as the seekdb SDKs test it when reading
     * {@code sdk_collections}: error 1146, or a message containing {@code doesn't exist}.
     */
    public static boolean isMissingTable(ClientException exception)
    {
        String message = exception.getMessage();
        return exception.errorCode() == NO_SUCH_TABLE || (message != null && message.contains("doesn't exist"));
    }
}
