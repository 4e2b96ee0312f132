package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

/** A packet the server sends. Each knows how to write its payload (the header is the encoder's job). */
public sealed interface ServerPacket
        permits HandshakeV10Packet, OkPacket, ErrPacket, EofPacket, ColumnCountPacket, ColumnDefinition41Packet,
        TextResultRowPacket, BinaryResultRowPacket, AuthSwitchRequestPacket, AuthMoreDataPacket, StmtPrepareOkPacket,
        StatisticsPacket
{
    void write(PacketWriter writer);

    /** A guess of the payload length, to size the buffer. */
    default int estimatedLength()
    {
        return 64;
    }
}
