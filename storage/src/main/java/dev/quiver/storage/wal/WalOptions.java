package dev.quiver.storage.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Log settings: the size at which a segment is closed and a new one started, and how files are opened (tests
 * substitute a recording channel).
 */
public record WalOptions(long segmentBytes, ChannelFactory channelFactory)
{
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    @FunctionalInterface
    public interface ChannelFactory
    {
        ChannelFactory DEFAULT = FileChannel::open;

        FileChannel open(Path path, OpenOption... options)
                throws IOException;
    }

    public WalOptions
    {
        requireNonNull(channelFactory, "channelFactory is null");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segment too small: " + segmentBytes);
        }
    }

    public static WalOptions defaults()
    {
        return new WalOptions(DEFAULT_SEGMENT_BYTES, ChannelFactory.DEFAULT);
    }
}
