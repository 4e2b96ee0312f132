package dev.quiver.storage.wal;

import static java.util.Objects.requireNonNull;

/**
 * One log record: its log sequence number (dense, starting at 1), a type byte the engine defines, and the payload.
 * The array is not copied; treat it as read-only.
 */
public record WalRecord(long lsn, byte type, byte[] payload)
{
    public WalRecord
    {
        requireNonNull(payload, "payload is null");
        if (lsn < 1) {
            throw new IllegalArgumentException("lsn must be positive: " + lsn);
        }
    }
}
