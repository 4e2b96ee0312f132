package dev.quiver.sql.user;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.WriteRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Makes every account statement all-or-nothing across a crash, the way MySQL 8 makes DDL atomic with its DDL log, in
 * the SQL layer: the storage engine makes one table statement atomic and durable (one WAL record), but an account
 * statement may change rows of several grant tables ({@code GRANT SELECT (a) ...} writes {@code tables_priv} and
 * {@code columns_priv}, {@code DROP USER} deletes from all four, {@code RENAME USER} writes the new account's rows and
 * deletes the old ones), and a kill -9 between those writes would leave half a statement.
 * <p>
 * The protocol, for a statement whose changes are {@code c1..cn} (each a {@link GrantRowChange}: a REPLACE of one full
 * row, or a DELETE of the rows with given column values):
 * <ol>
 * <li>Intent: the whole list is encoded into one row of {@code mysql.account_redo_log} and written with one storage
 *     statement, so after a crash either the entire list is there or nothing of the statement happened (no grant
 *     table was touched yet: the before-state).</li>
 * <li>Apply: {@code c1..cn} are written in order, one storage statement each.</li>
 * <li>Done: the log row is deleted (one storage statement). Once it is gone the after-state is complete.</li>
 * </ol>
 * Recovery ({@link #recover}, run when the {@link UserStore} opens, before the account snapshot is first loaded) redoes
 * every log row left behind, oldest first: it applies {@code c1..cn} again from the start, then deletes the row.
 * Redoing is correct whatever prefix of {@code c1..cn} had been applied (and if recovery itself is interrupted): every
 * change is idempotent, a REPLACE sets its row to a fixed value and a DELETE removes every row it matches, so after
 * the whole list the rows any change touches hold what the last change touching them says, and rows no change touches
 * were never written. The grant tables therefore always equal the before-state (crash before the log row was written)
 * or the after-state (crash later), never a mix. A statement with a single change needs no log row: that write is
 * already atomic. Statements are serialized by the store, so at most one log row is live at a time; a log row left by
 * a failed write (not a crash) is redone before the next account statement.
 */
final class AccountRedoLog
{
    static final String TABLE = "account_redo_log";

    private static final byte PUT = 'P';
    private static final byte DELETE = 'D';
    private static final byte BYTES = 'B';
    private static final byte STRING = 'S';

    private final StorageEngine storage;
    private final GrantTables tables;
    private final Runnable beforeWrite;
    private long nextId = 1;
    private boolean pending;

    /** {@code beforeWrite} runs before every storage write the log makes (a test's fault hook; a no-op otherwise). */
    AccountRedoLog(StorageEngine storage, GrantTables tables, Runnable beforeWrite)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.beforeWrite = requireNonNull(beforeWrite, "beforeWrite is null");
    }

    /** Applies one statement's changes all-or-nothing. The caller serializes statements. */
    void commit(List<GrantRowChange> changes)
    {
        if (pending) {
            recover();
        }
        if (changes.isEmpty()) {
            return;
        }
        if (changes.size() == 1) {
            beforeWrite.run();
            tables.apply(changes.getFirst());
            return;
        }
        if (!storage.tableExists(GrantTables.DATABASE, TABLE)) {
            tables.create();
        }
        long id = nextId++;
        beforeWrite.run();
        log().write(new WriteRequest(List.of("id", "changes"), List.of(List.of(Value.of(id), Value.of(encode(changes)))), ConflictPolicy.REPLACE));
        try {
            redo(id, changes);
        }
        catch (RuntimeException ex) {
            // the intent is durable: the statement completes here, or at the next statement or restart
            pending = true;
            try {
                recover();
            }
            catch (RuntimeException again) {
                ex.addSuppressed(again);
                throw ex;
            }
        }
    }

    /** Redoes and removes every log row left behind, oldest first; returns how many there were. */
    int recover()
    {
        if (!storage.databaseExists(GrantTables.DATABASE) || !storage.tableExists(GrantTables.DATABASE, TABLE)) {
            pending = false;
            return 0;
        }
        List<Row> rows = new ArrayList<>(log().scan(ScanRequest.all()).toList());
        rows.sort(Comparator.comparingLong(AccountRedoLog::id));
        for (Row each : rows) {
            long id = id(each);
            nextId = Math.max(nextId, id + 1);
            redo(id, decode(((Value.BytesValue) each.get(1)).value()));
        }
        pending = false;
        return rows.size();
    }

    private void redo(long id, List<GrantRowChange> changes)
    {
        for (GrantRowChange each : changes) {
            beforeWrite.run();
            tables.apply(each);
        }
        beforeWrite.run();
        log().delete(Filter.equal("id", Value.of(id)));
    }

    private Table log()
    {
        return storage.table(GrantTables.DATABASE, TABLE);
    }

    private static long id(Row row)
    {
        return ((Value.IntegerValue) row.get(0)).value();
    }

    /** The column type of the encoded change list. */
    static ColumnType changesType()
    {
        return new ColumnType.BinaryType(ColumnType.BinaryKind.LONGBLOB, 4_294_967_295L);
    }

    static byte[] encode(List<GrantRowChange> changes)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(changes.size());
            for (GrantRowChange change : changes) {
                out.writeByte(change instanceof GrantRowChange.Put ? PUT : DELETE);
                out.writeUTF(change.table());
                out.writeInt(change.columns().size());
                for (int i = 0; i < change.columns().size(); i++) {
                    out.writeUTF(change.columns().get(i));
                    byte[] value = switch (change.values().get(i)) {
                        case Value.BytesValue binary -> {
                            out.writeByte(BYTES);
                            yield binary.value();
                        }
                        case Value.StringValue text -> {
                            out.writeByte(STRING);
                            yield text.value().getBytes(StandardCharsets.UTF_8);
                        }
                        case Value other -> throw new IllegalArgumentException("a grant table value is bytes or text: " + other);
                    };
                    out.writeInt(value.length);
                    out.write(value);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    static List<GrantRowChange> decode(byte[] encoded)
    {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            List<GrantRowChange> changes = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                byte kind = in.readByte();
                String table = in.readUTF();
                int size = in.readInt();
                List<String> columns = new ArrayList<>(size);
                List<Value> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    columns.add(in.readUTF());
                    byte tag = in.readByte();
                    byte[] value = in.readNBytes(in.readInt());
                    values.add(switch (tag) {
                        case BYTES -> Value.of(value);
                        case STRING -> Value.of(new String(value, StandardCharsets.UTF_8));
                        default -> throw corrupt("value tag " + tag);
                    });
                }
                changes.add(switch (kind) {
                    case PUT -> new GrantRowChange.Put(table, columns, values);
                    case DELETE -> new GrantRowChange.Delete(table, columns, values);
                    default -> throw corrupt("change kind " + kind);
                });
            }
            return changes;
        }
        catch (IOException ex) {
            throw corrupt(ex.getMessage());
        }
    }

    private static QuiverException corrupt(String detail)
    {
        return new QuiverException(ErrorCode.ER_STORAGE_IO, "unreadable mysql." + TABLE + " row: " + detail);
    }
}
