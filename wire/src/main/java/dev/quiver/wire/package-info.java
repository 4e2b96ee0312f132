/**
 * The MySQL client/server protocol on Netty. {@link dev.quiver.wire.MySqlServer} is the entry point; the
 * engine plugs in through {@link dev.quiver.wire.spi.QueryHandler} and
 * {@link dev.quiver.wire.spi.CredentialStore}.
 *
 * <p>Threads: the Netty event loop only frames ({@code codec.PacketFrameDecoder}/{@code codec.PacketEncoder})
 * and hands each packet to the connection's command chain ({@code connection.ConnectionHandler}). Commands
 * run on virtual threads, one at a time per connection and in arrival order, with reading paused until the
 * response is written. Results are framed on the command thread and handed to the channel in 64 KiB
 * batches; when the channel is not writable the command thread waits, so large results stream.
 *
 * <p>Not supported: TLS, compression, LOCAL INFILE, session tracking, query attributes, cursors
 * (COM_STMT_FETCH answers ER_STMT_HAS_NO_OPEN_CURSOR), COM_CHANGE_USER and the caching_sha2_password full
 * authentication (never needed: the fast path always works against the stored SHA256(SHA256(pw))).
 */
package dev.quiver.wire;
