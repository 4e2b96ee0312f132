package dev.quiver.storage.format;

import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.wal.WalRecord;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The durable engine's log records: catalog changes and row changes, each one a whole statement. The type byte and
 * the payload layout are part of the on-disk format.
 */
public sealed interface LogRecord
        permits LogRecord.CreateDatabase, LogRecord.DropDatabase, LogRecord.CreateTable, LogRecord.DropTable,
        LogRecord.Rows, LogRecord.Checkpoint, LogRecord.AlterTable, LogRecord.RenameTable
{
    byte type();

    void writePayload(BinaryWriter writer);

    default byte[] payload()
    {
        BinaryWriter writer = new BinaryWriter();
        writePayload(writer);
        return writer.toByteArray();
    }

    record CreateDatabase(String name)
            implements LogRecord
    {
        public CreateDatabase
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public byte type()
        {
            return 1;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeString(name);
        }
    }

    record DropDatabase(String name)
            implements LogRecord
    {
        public DropDatabase
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public byte type()
        {
            return 2;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeString(name);
        }
    }

    record CreateTable(long tableId, String database, TableDefinition definition)
            implements LogRecord
    {
        public CreateTable
        {
            requireNonNull(database, "database is null");
            requireNonNull(definition, "definition is null");
        }

        @Override
        public byte type()
        {
            return 3;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(tableId).writeString(database);
            DefinitionFormat.write(writer, definition);
        }
    }

    record DropTable(long tableId)
            implements LogRecord
    {
        @Override
        public byte type()
        {
            return 4;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(tableId);
        }
    }

    /** One statement's row changes on one table, and the table's auto_increment counter after it. */
    record Rows(long tableId, long autoIncrement, List<RowChange> changes)
            implements LogRecord
    {
        public Rows
        {
            changes = List.copyOf(requireNonNull(changes, "changes is null"));
        }

        @Override
        public byte type()
        {
            return 5;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(tableId).writeLong(autoIncrement).writeInt(changes.size());
            for (RowChange change : changes) {
                switch (change) {
                    case RowChange.Put put -> {
                        writer.writeByte(1).writeLong(put.rowId());
                        ValueFormat.writeRow(writer, put.row());
                    }
                    case RowChange.Delete delete -> writer.writeByte(2).writeLong(delete.rowId());
                }
            }
        }
    }

    /** Everything up to {@code coveredLsn} is in the table indexes and the catalog snapshot. */
    record Checkpoint(long coveredLsn)
            implements LogRecord
    {
        @Override
        public byte type()
        {
            return 6;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(coveredLsn);
        }
    }

    /**
     * ALTER TABLE: table {@code oldTableId} becomes table {@code newTableId} with {@code definition}; the new table's
     * index ({@code tables/<newTableId>/}) was built and committed before this record was logged, and row records
     * after this one name the new id.
     */
    record AlterTable(long oldTableId, long newTableId, long autoIncrement, TableDefinition definition)
            implements LogRecord
    {
        public AlterTable
        {
            requireNonNull(definition, "definition is null");
        }

        @Override
        public byte type()
        {
            return 7;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(oldTableId).writeLong(newTableId).writeLong(autoIncrement);
            DefinitionFormat.write(writer, definition);
        }
    }

    /** RENAME TABLE: the table keeps its id and index, and moves to {@code database}.{@code name}. */
    record RenameTable(long tableId, String database, String name)
            implements LogRecord
    {
        public RenameTable
        {
            requireNonNull(database, "database is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public byte type()
        {
            return 8;
        }

        @Override
        public void writePayload(BinaryWriter writer)
        {
            writer.writeLong(tableId).writeString(database).writeString(name);
        }
    }

    static LogRecord decode(WalRecord record)
    {
        BinaryReader reader = new BinaryReader(record.payload(), "log record " + record.lsn());
        LogRecord result = switch (record.type()) {
            case 1 -> new CreateDatabase(reader.readString());
            case 2 -> new DropDatabase(reader.readString());
            case 3 -> new CreateTable(reader.readLong(), reader.readString(), DefinitionFormat.read(reader));
            case 4 -> new DropTable(reader.readLong());
            case 5 -> {
                long tableId = reader.readLong();
                long autoIncrement = reader.readLong();
                int count = reader.readInt();
                List<RowChange> changes = new ArrayList<>(Math.max(0, Math.min(count, 1 << 16)));
                for (int i = 0; i < count; i++) {
                    int kind = reader.readByte();
                    long rowId = reader.readLong();
                    changes.add(switch (kind) {
                        case 1 -> new RowChange.Put(rowId, ValueFormat.readRow(reader));
                        case 2 -> new RowChange.Delete(rowId);
                        default -> throw reader.corrupt("unknown row change " + kind);
                    });
                }
                yield new Rows(tableId, autoIncrement, changes);
            }
            case 6 -> new Checkpoint(reader.readLong());
            case 7 -> new AlterTable(reader.readLong(), reader.readLong(), reader.readLong(), DefinitionFormat.read(reader));
            case 8 -> new RenameTable(reader.readLong(), reader.readString(), reader.readString());
            default -> throw reader.corrupt("unknown record type " + record.type());
        };
        if (reader.hasRemaining()) {
            throw reader.corrupt("trailing bytes");
        }
        return result;
    }
}
