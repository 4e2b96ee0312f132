package dev.quiver.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The on-disk layout. A segment file {@code wal-<first lsn, 20 digits>.log} starts with a 16-byte header
 * (magic {@code QWAL}, format version, first LSN) followed by frames:
 * <pre>
 *   int  payload length
 *   int  CRC32C over (lsn, type, payload)
 *   long lsn
 *   byte type
 *   byte[length] payload
 * </pre>
 * All numbers are little-endian. LSNs are dense: each frame's LSN is the previous one plus one.
 */
final class WalFormat
{
    static final int MAGIC = 0x4C415751; // "QWAL" little-endian
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int FRAME_OVERHEAD = 4 + 4 + 8 + 1;
    static final int MAX_PAYLOAD = 256 << 20;

    private WalFormat() {}

    static String segmentName(long firstLsn)
    {
        return String.format("wal-%020d.log", firstLsn);
    }

    static long parseSegmentName(String name)
    {
        if (!name.startsWith("wal-") || !name.endsWith(".log") || name.length() != 28) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(4, 24));
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    static ByteBuffer header(long firstLsn)
    {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putLong(firstLsn).flip();
        return buffer;
    }

    static ByteBuffer frame(long lsn, byte type, byte[] payload)
    {
        ByteBuffer buffer = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(payload.length).putInt(checksum(lsn, type, payload, 0, payload.length)).putLong(lsn).put(type).put(payload).flip();
        return buffer;
    }

    static int checksum(long lsn, byte type, byte[] payload, int offset, int length)
    {
        CRC32C crc = new CRC32C();
        ByteBuffer prefix = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putLong(lsn).put(type).flip();
        crc.update(prefix);
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }
}
