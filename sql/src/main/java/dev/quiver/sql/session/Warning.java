package dev.quiver.sql.session;

import dev.quiver.common.ErrorCode;

import static java.util.Objects.requireNonNull;

/** One row of SHOW WARNINGS: a note, a warning or the error of the last statement. */
public record Warning(Level level, int code, String message)
{
    public enum Level
    {
        Note, Warning, Error
    }

    public Warning
    {
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
    }

    public static Warning of(Level level, ErrorCode errorCode, Object... arguments)
    {
        return new Warning(level, errorCode.vendorCode(), errorCode.format(arguments));
    }
}
