package dev.quiver.storage;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.filter.Filter.Field;
import dev.quiver.storage.json.JsonParser;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.RowOutcome;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.SortKey;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link StorageEngine} passes. Subclasses create the engine; durable engines also override
 * {@link #restart(StorageEngine)} to close and reopen it, so that every "after restart" check below proves
 * durability (for the in-memory engine a restart is the identity).
 */
public abstract class AbstractStorageEngineTest
        implements TextSearchContract, IndexRefreshContract
{
    protected static final String DB = "db";

    protected StorageEngine engine;

    /** A fresh, empty engine. */
    protected abstract StorageEngine createEngine();

    /** Closes and reopens a durable engine on the same data; the in-memory engine returns itself. */
    protected StorageEngine restart(StorageEngine current)
    {
        return current;
    }

    @BeforeEach
    void setUpEngine()
    {
        engine = createEngine();
        engine.createDatabase(DB);
    }

    @AfterEach
    void tearDownEngine()
    {
        if (engine != null) {
            engine.close();
        }
    }

    protected void restart()
    {
        engine = restart(engine);
    }

    @Override
    public StorageEngine engine()
    {
        return engine;
    }

    @Override
    public void restartEngine()
    {
        restart();
    }

    // ---------------------------------------------------------------- catalog

    @Test
    public void testDatabases()
    {
        engine.createDatabase("other");
        assertThat(engine.listDatabases()).containsExactly("db", "other");
        assertFails(ErrorCode.ER_DB_CREATE_EXISTS, () -> engine.createDatabase("other"));
        assertThat(engine.databaseExists("other")).isTrue();
        assertThat(engine.databaseExists("Other")).isFalse();
        restart();
        assertThat(engine.listDatabases()).containsExactly("db", "other");
        engine.dropDatabase("other");
        assertFails(ErrorCode.ER_DB_DROP_EXISTS, () -> engine.dropDatabase("other"));
        restart();
        assertThat(engine.listDatabases()).containsExactly("db");
    }

    @Test
    public void testTables()
    {
        engine.createTable(DB, docsTable("t2"));
        engine.createTable(DB, docsTable("t1"));
        assertThat(engine.listTables(DB)).containsExactly("t1", "t2");
        assertFails(ErrorCode.ER_TABLE_EXISTS_ERROR, () -> engine.createTable(DB, docsTable("t1")));
        assertFails(ErrorCode.ER_BAD_DB_ERROR, () -> engine.createTable("nope", docsTable("t1")));
        assertFails(ErrorCode.ER_BAD_DB_ERROR, () -> engine.listTables("nope"));
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> engine.table(DB, "t3"));
        assertThat(engine.tableExists(DB, "t1")).isTrue();
        assertThat(engine.tableExists(DB, "T1")).isFalse();
        restart();
        assertThat(engine.listTables(DB)).containsExactly("t1", "t2");
        assertThat(engine.table(DB, "t1").definition()).isEqualTo(docsTable("t1"));
        engine.dropTable(DB, "t1");
        assertFails(ErrorCode.ER_BAD_TABLE_ERROR, () -> engine.dropTable(DB, "t1"));
        restart();
        assertThat(engine.listTables(DB)).containsExactly("t2");
    }

    @Test
    public void testDropDatabaseDropsTablesAndInvalidatesHandles()
    {
        engine.createDatabase("gone");
        engine.createTable("gone", docsTable("t"));
        Table handle = engine.table("gone", "t");
        insert(handle, row(1, "a"));
        engine.dropDatabase("gone");
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> handle.count(Filter.ALL));
        engine.createDatabase("gone");
        assertThat(engine.listTables("gone")).isEmpty();
        engine.createTable("gone", docsTable("t"));
        assertThat(engine.table("gone", "t").count(Filter.ALL)).isZero();
    }

    @Test
    public void testDefinitionValidation()
    {
        ColumnDefinition id = ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.INT));
        assertFails(ErrorCode.ER_DUP_FIELDNAME, () -> new TableDefinition("t", List.of(id, ColumnDefinition.nullable("ID", ColumnType.StringType.text())), List.of()));
        assertFails(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXITS, () -> new TableDefinition("t", List.of(id), List.of(IndexDefinition.primaryKey("nope"))));
        assertFails(ErrorCode.ER_MULTIPLE_PRI_KEY, () -> new TableDefinition("t", List.of(id),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.primaryKey("id"))));
        assertFails(ErrorCode.ER_DUP_KEYNAME, () -> new TableDefinition("t", List.of(id),
                List.of(IndexDefinition.unique("k", "id"), IndexDefinition.index("K", "id"))));
        assertFails(ErrorCode.ER_WRONG_AUTO_KEY, () -> new TableDefinition("t", List.of(id.withAutoIncrement()), List.of()));
        assertFails(ErrorCode.ER_TABLE_MUST_HAVE_COLUMNS, () -> new TableDefinition("t", List.of(), List.of()));
        TableDefinition nullablePk = new TableDefinition("t", List.of(ColumnDefinition.nullable("id", ColumnType.IntegerType.signed(IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("id")));
        assertThat(nullablePk.columns().get(0).nullable()).isFalse();
    }

    // ---------------------------------------------------------------- writes

    @Test
    public void testInsertDefaultsAndAutoIncrement()
    {
        TableDefinition definition = new TableDefinition("auto", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.unsigned(IntegerWidth.BIGINT)).withAutoIncrement(),
                ColumnDefinition.notNull("name", ColumnType.StringType.varchar(10)).withDefault(Value.of("anon")),
                ColumnDefinition.nullable("note", ColumnType.StringType.text())),
                List.of(IndexDefinition.primaryKey("id")));
        engine.createTable(DB, definition);
        Table table = engine.table(DB, "auto");
        WriteResult result = table.write(new WriteRequest(List.of("note"), List.of(List.of(Value.of("x")), List.of(Value.NULL)), ConflictPolicy.ERROR));
        assertThat(result.outcomes()).containsExactly(
                new RowOutcome.Inserted(Row.of(Value.of(1), Value.of("anon"), Value.of("x"))),
                new RowOutcome.Inserted(Row.of(Value.of(2), Value.of("anon"), Value.NULL)));
        assertThat(result.firstGeneratedId()).hasValue(1);
        assertThat(result.affectedRows()).isEqualTo(2);
        WriteResult explicit = table.write(new WriteRequest(List.of("id", "name"), List.of(List.of(Value.of(10), Value.of("ten"))), ConflictPolicy.ERROR));
        assertThat(explicit.firstGeneratedId()).isEmpty();
        restart();
        table = engine.table(DB, "auto");
        WriteResult next = table.write(new WriteRequest(List.of("id", "name"), List.of(List.of(Value.of(0), Value.of("eleven"))), ConflictPolicy.ERROR));
        assertThat(next.firstGeneratedId()).hasValue(11);
        assertThat(table.get(List.of(List.of(Value.of(11))))).containsExactly(Optional.of(Row.of(Value.of(11), Value.of("eleven"), Value.NULL)));
        table.truncate();
        assertThat(table.count(Filter.ALL)).isZero();
        WriteResult afterTruncate = table.write(new WriteRequest(List.of("name"), List.of(List.of(Value.of("one"))), ConflictPolicy.ERROR));
        assertThat(afterTruncate.firstGeneratedId()).hasValue(1);
    }

    @Test
    public void testDuplicateKeyErrorIsAtomicAndNamesTheKey()
    {
        Table table = docs();
        insert(table, row(1, "a"));
        assertThatThrownBy(() -> insert(table, row(2, "b"), row(3, "c"), row(1, "d")))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_DUP_ENTRY);
                    assertThat(e.getMessage()).isEqualTo("Duplicate entry '1' for key 'PRIMARY'");
                });
        assertThat(table.count(Filter.ALL)).isEqualTo(1);
        // duplicates inside one statement collide too
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> insert(table, row(5, "x"), row(5, "y")));
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(1, "a"));
    }

    @Test
    public void testFirstViolatedKeyIsReported()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"));
        assertThatThrownBy(() -> insert(table, row(1, "b")))
                .hasMessage("Duplicate entry '1' for key 'PRIMARY'");
        assertThatThrownBy(() -> insert(table, row(3, "B ")))
                .hasMessage("Duplicate entry 'B ' for key 'uk_name'");
    }

    @Test
    public void testUniqueKeyUsesGeneralCiCollation()
    {
        Table table = docs();
        insert(table, row(1, "docs"));
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> insert(table, row(2, "Docs")));
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> insert(table, row(3, "DOCS   ")));
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> insert(table, row(4, "dócs")));
        insert(table, row(5, " docs"));
        assertThat(table.scan(ScanRequest.where(Filter.equal("name", Value.of("DOCS")))).toList()).containsExactly(row(1, "docs"));
    }

    @Test
    public void testTextPrimaryKeyCollationAndBinaryKeyBytes()
    {
        engine.createTable(DB, new TableDefinition("k", List.of(
                ColumnDefinition.notNull("id", ColumnType.StringType.varchar(32)),
                ColumnDefinition.nullable("v", ColumnType.IntegerType.signed(IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("id"))));
        engine.createTable(DB, new TableDefinition("b", List.of(
                ColumnDefinition.notNull("_id", ColumnType.BinaryType.varbinary(512)),
                ColumnDefinition.nullable("v", ColumnType.IntegerType.signed(IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("_id"))));
        Table text = engine.table(DB, "k");
        text.write(new WriteRequest(List.of("id", "v"), List.of(List.of(Value.of("Key"), Value.of(1))), ConflictPolicy.ERROR));
        assertThat(text.get(List.of(List.of(Value.of("kEY ")), List.of(Value.of("other")))))
                .containsExactly(Optional.of(Row.of(Value.of("Key"), Value.of(1))), Optional.empty());
        Table binary = engine.table(DB, "b");
        binary.write(new WriteRequest(List.of("_id", "v"), List.of(List.of(Value.of("Key"), Value.of(1)), List.of(Value.of("key"), Value.of(2))), ConflictPolicy.ERROR));
        assertThat(binary.count(Filter.ALL)).isEqualTo(2);
        assertThat(binary.get(List.of(List.of(Value.of("key".getBytes(java.nio.charset.StandardCharsets.UTF_8))))))
                .containsExactly(Optional.of(Row.of(Value.of("key".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Value.of(2))));
    }

    @Test
    public void testNullsInUniqueKeyDoNotConflict()
    {
        Table table = docs();
        insert(table, Row.of(Value.of(1), Value.NULL), Row.of(Value.of(2), Value.NULL));
        assertThat(table.count(new Filter.IsNull(Field.column("name")))).isEqualTo(2);
    }

    @Test
    public void testIgnorePolicy()
    {
        Table table = docs();
        insert(table, row(1, "a"));
        WriteResult result = table.write(request(ConflictPolicy.IGNORE, row(1, "z"), row(2, "A"), row(3, "c")));
        assertThat(result.outcomes()).containsExactly(
                new RowOutcome.Ignored("PRIMARY", "1"),
                new RowOutcome.Ignored("uk_name", "A"),
                new RowOutcome.Inserted(row(3, "c")));
        assertThat(result.affectedRows()).isEqualTo(1);
    }

    @Test
    public void testUpdatePolicyIsOnDuplicateKeyUpdate()
    {
        Table table = counters();
        ConflictPolicy increment = ConflictPolicy.update((existing, proposed) ->
                existing.with(1, Value.of(((Value.IntegerValue) existing.get(1)).value() + ((Value.IntegerValue) proposed.get(1)).value())));
        WriteResult first = table.write(counterRequest(increment, "x", 1));
        assertThat(first.outcomes()).containsExactly(new RowOutcome.Inserted(counter("x", 1)));
        WriteResult second = table.write(counterRequest(increment, "X", 5));
        assertThat(second.outcomes()).containsExactly(new RowOutcome.Updated(counter("x", 1), counter("x", 6)));
        assertThat(second.affectedRows()).isEqualTo(2);
        WriteResult third = table.write(counterRequest(increment, "x", 0));
        assertThat(third.outcomes()).containsExactly(new RowOutcome.Unchanged(counter("x", 6)));
        assertThat(third.affectedRows()).isZero();
        restart();
        assertThat(engine.table(DB, "counters").get(List.of(List.of(Value.of("x"))))).containsExactly(Optional.of(counter("x", 6)));
    }

    @Test
    public void testUpdatePolicyCollisionFailsWholeStatement()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"));
        ConflictPolicy renameToB = ConflictPolicy.update((existing, proposed) -> existing.with(1, Value.of("b")));
        assertThatThrownBy(() -> table.write(request(renameToB, row(3, "c"), row(1, "zzz"))))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.getMessage()).isEqualTo("Duplicate entry 'b' for key 'uk_name'"));
        assertThat(table.scan(ScanRequest.all()).toList()).containsExactly(row(1, "a"), row(2, "b"));
    }

    @Test
    public void testReplaceDeletesEveryConflictingRow()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"), row(3, "c"));
        WriteResult result = table.write(request(ConflictPolicy.REPLACE, row(1, "b"), row(4, "d"), row(3, "C")));
        assertThat(result.outcomes()).containsExactly(
                new RowOutcome.Replaced(row(1, "b"), 2),
                new RowOutcome.Inserted(row(4, "d")),
                new RowOutcome.Replaced(row(3, "C"), 1));
        assertThat(result.affectedRows()).isEqualTo(3 + 1 + 2);
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(1, "b"), row(3, "C"), row(4, "d"));
    }

    @Test
    public void testBadValuesAreRejectedWithMySqlNumbers()
    {
        engine.createTable(DB, allTypesTable());
        Table table = engine.table(DB, "types");
        assertFails(ErrorCode.ER_BAD_NULL_ERROR, () -> writeOne(table, "id", Value.NULL));
        assertFails(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, () -> writeOne(table, "c_tiny", Value.of(128)));
        assertFails(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, () -> writeOne(table, "c_ubig", Value.of(-1)));
        assertFails(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, () -> writeOne(table, "c_dec", Value.of(new BigDecimal("1000.00"))));
        assertFails(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, () -> writeOne(table, "c_int", Value.of("abc")));
        assertFails(ErrorCode.ER_DATA_TOO_LONG, () -> writeOne(table, "c_varchar", Value.of("x".repeat(11))));
        assertFails(ErrorCode.ER_DATA_TOO_LONG, () -> writeOne(table, "c_varbinary", Value.of(new byte[5])));
        assertFails(ErrorCode.ER_VECTOR_DIMENSION_MISMATCH, () -> writeOne(table, "c_vector", Value.of(new float[] {1, 2})));
        assertFails(ErrorCode.ER_INVALID_VECTOR_TEXT, () -> writeOne(table, "c_vector", Value.of("[1,x,3]")));
        assertFails(ErrorCode.ER_TRUNCATED_WRONG_VALUE, () -> writeOne(table, "c_date", Value.of("not a date")));
        assertFails(ErrorCode.ER_BAD_FIELD_ERROR, () -> writeOne(table, "nope", Value.of(1)));
        assertThatThrownBy(() -> writeOne(table, "c_json", Value.of("{\"a\": ")))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.vendorCode()).isEqualTo(3140);
                    assertThat(e.getMessage()).isEqualTo("Invalid JSON text: \"Invalid value.\" at position 6 in value for column 'types.c_json'.");
                });
        // a bad second row leaves the first one unapplied
        assertFails(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, () -> table.write(new WriteRequest(List.of("id", "c_tiny"),
                List.of(List.of(Value.of(1), Value.of(1)), List.of(Value.of(2), Value.of(1000))), ConflictPolicy.ERROR)));
        assertThatThrownBy(() -> table.write(new WriteRequest(List.of("id", "c_tiny"),
                List.of(List.of(Value.of(1), Value.of(1)), List.of(Value.of(2), Value.of(1000))), ConflictPolicy.ERROR)))
                .hasMessage("Out of range value for column 'c_tiny' at row 2");
        assertThat(table.count(Filter.ALL)).isZero();
        TableDefinition noDefault = new TableDefinition("nd", List.of(ColumnDefinition.notNull("a", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("b", ColumnType.IntegerType.signed(IntegerWidth.INT))), List.of());
        engine.createTable(DB, noDefault);
        assertFails(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, () -> engine.table(DB, "nd").write(new WriteRequest(List.of("b"), List.of(List.of(Value.of(1))), ConflictPolicy.ERROR)));
    }

    @Test
    public void testEveryColumnTypeRoundTrips()
            throws Exception
    {
        engine.createTable(DB, allTypesTable());
        Table table = engine.table(DB, "types");
        float[] big = new float[ColumnType.MAX_VECTOR_DIMENSIONS];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        List<String> columns = allTypesTable().columns().stream().map(ColumnDefinition::name).toList();
        List<Value> input = List.of(Value.of(1), Value.of(-128), Value.of(1), Value.IntegerValue.unsignedOf(-1L), Value.of(Integer.MIN_VALUE),
                Value.of(1.25), Value.of(Math.PI), Value.of(new BigDecimal("123.456")), Value.of("pad  "), Value.of("Hello"), Value.of("a text"),
                Value.of("long text ü"), Value.of("str"), Value.of("ab"), Value.of(new byte[] {1, 2, 3}), Value.of(new byte[] {(byte) 0xff}),
                Value.of("{\"b\": [1, 2.5, \"x\"], \"a\": null}"), Value.of("[1, 2, 3.5]"), Value.of(big), Value.of("2024-02-29"),
                Value.of("2024-02-29 13:14:15.123456"), Value.of("2038-01-19 03:14:07.7"));
        table.write(new WriteRequest(columns, List.of(input), ConflictPolicy.ERROR));
        List<Value> expected = List.of(Value.of(1), Value.of(-128), Value.of(1), Value.IntegerValue.unsignedOf(-1L), Value.of(Integer.MIN_VALUE),
                Value.of(1.25), Value.of(Math.PI), Value.of(new BigDecimal("123.46")), Value.of("pad"), Value.of("Hello"), Value.of("a text"),
                Value.of("long text ü"), Value.of("str"), Value.of(new byte[] {'a', 'b', 0, 0}), Value.of(new byte[] {1, 2, 3}), Value.of(new byte[] {(byte) 0xff}),
                Value.of(JsonParser.parse("{\"a\": null, \"b\": [1, 2.5, \"x\"]}")), Value.of(new float[] {1, 2, 3.5f}), Value.of(big),
                new Value.DateValue(LocalDate.of(2024, 2, 29)), new Value.DateTimeValue(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000)),
                new Value.DateTimeValue(LocalDateTime.of(2038, 1, 19, 3, 14, 8)));
        Row expectedRow = new Row(expected);
        assertThat(table.get(List.of(List.of(Value.of(1))))).containsExactly(Optional.of(expectedRow));
        assertThat(((Value.JsonValue) expectedRow.get(16)).toSqlText()).isEqualTo("{\"a\": null, \"b\": [1, 2.5, \"x\"]}");
        restart();
        Table reopened = engine.table(DB, "types");
        assertThat(reopened.definition()).isEqualTo(allTypesTable());
        assertThat(reopened.get(List.of(List.of(Value.of(1))))).containsExactly(Optional.of(expectedRow));
        // a row of NULLs survives too
        List<Value> nulls = new ArrayList<>();
        nulls.add(Value.of(2));
        for (int i = 1; i < columns.size(); i++) {
            nulls.add(Value.NULL);
        }
        reopened.write(new WriteRequest(columns, List.of(nulls), ConflictPolicy.ERROR));
        restart();
        assertThat(engine.table(DB, "types").get(List.of(List.of(Value.of(2))))).containsExactly(Optional.of(new Row(nulls)));
    }

    // ---------------------------------------------------------------- update, delete

    @Test
    public void testUpdateByKeyAndByFilter()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"), row(3, "c"));
        UpdateResult byKey = table.update(Filter.equal("id", Value.of(2)), row -> row.with(1, Value.of("B2")));
        assertThat(byKey).isEqualTo(new UpdateResult(1, 1));
        UpdateResult unchanged = table.update(Filter.equal("id", Value.of(2)), row -> row.with(1, Value.of("B2")));
        assertThat(unchanged).isEqualTo(new UpdateResult(1, 0));
        UpdateResult byRange = table.update(Filter.Range.atLeast(Field.column("id"), Value.of(2)), row -> row.with(1, Value.of(row.get(1).toSqlText() + "!")));
        assertThat(byRange).isEqualTo(new UpdateResult(2, 2));
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> table.update(Filter.ALL, row -> row.with(1, Value.of("same"))));
        assertFails(ErrorCode.ER_BAD_NULL_ERROR, () -> table.update(Filter.ALL, row -> row.with(0, Value.NULL)));
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(1, "a"), row(2, "B2!"), row(3, "c!"));
    }

    @Test
    public void testUpdateMovingThePrimaryKey()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"));
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> table.update(Filter.equal("id", Value.of(1)), row -> row.with(0, Value.of(2))));
        table.update(Filter.equal("id", Value.of(1)), row -> row.with(0, Value.of(10)));
        assertThat(table.get(List.of(List.of(Value.of(1)), List.of(Value.of(10))))).containsExactly(Optional.empty(), Optional.of(row(10, "a")));
    }

    @Test
    public void testDeleteByKeyFilterAndLimit()
    {
        Table table = docs();
        insert(table, row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"), row(5, "e"));
        assertThat(table.delete(Filter.equal("id", Value.of(1)))).isEqualTo(1);
        assertThat(table.delete(Filter.equal("id", Value.of(1)))).isZero();
        assertThat(table.delete(ScanRequest.where(Filter.ALL).withOrder(SortKey.descending("id")).withLimit(0, 2))).isEqualTo(2);
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(2, "b"), row(3, "c"));
        assertThat(engine.table(DB, "docs").delete(Filter.ALL)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- reads

    @Test
    public void testScanFilterProjectionOrderLimit()
    {
        Table table = docs();
        insert(table, row(3, "c"), row(1, "A"), Row.of(Value.of(4), Value.NULL), row(2, "b"), row(5, "E"));
        assertThat(table.scan(ScanRequest.all()).toList()).extracting(r -> r.get(0)).containsExactly(Value.of(1), Value.of(2), Value.of(3), Value.of(4), Value.of(5));
        assertThat(ids(table, Filter.Range.between(Field.column("id"), Value.of(2), Value.of(4)))).containsExactly(2L, 3L, 4L);
        assertThat(ids(table, Filter.Range.greaterThan(Field.column("name"), Value.of("b")))).containsExactly(3L, 5L);
        assertThat(ids(table, new Filter.In(Field.column("name"), List.of(Value.of("a"), Value.of("e"), Value.NULL)))).containsExactly(1L, 5L);
        assertThat(ids(table, Filter.not(new Filter.In(Field.column("name"), List.of(Value.of("a"), Value.NULL))))).isEmpty();
        assertThat(ids(table, Filter.not(Filter.equal("name", Value.of("a"))))).containsExactly(2L, 3L, 5L);
        assertThat(ids(table, new Filter.IsNull(Field.column("name")))).containsExactly(4L);
        assertThat(ids(table, Filter.or(Filter.equal("id", Value.of(1)), Filter.and(Filter.equal("name", Value.of("C")), Filter.equal("id", Value.of(3)))))).containsExactly(1L, 3L);
        assertThat(ids(table, Filter.equal("id", Value.of("2")))).containsExactly(2L);
        assertThat(table.scan(ScanRequest.all().withProjection("name", "id").withOrder(SortKey.descending("name")).withLimit(1, 2)).toList())
                .containsExactly(Row.of(Value.of("c"), Value.of(3)), Row.of(Value.of("b"), Value.of(2)));
        assertThat(table.scan(ScanRequest.all().withProjection("name").withOrder(SortKey.ascending("name"))).toList())
                .containsExactly(Row.of(Value.NULL), Row.of(Value.of("A")), Row.of(Value.of("b")), Row.of(Value.of("c")), Row.of(Value.of("E")));
        assertThat(table.count(Filter.Range.lessThan(Field.column("id"), Value.of(3)))).isEqualTo(2);
        assertThat(table.count(Filter.ALL)).isEqualTo(5);
        assertFails(ErrorCode.ER_BAD_FIELD_ERROR, () -> table.count(Filter.equal("nope", Value.of(1))));
    }

    @Test
    public void testKeyLookupsThroughFilters()
    {
        engine.createTable(DB, new TableDefinition("composite", List.of(
                ColumnDefinition.notNull("tenant", ColumnType.StringType.varchar(16)),
                ColumnDefinition.notNull("seq", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("note", ColumnType.StringType.text())),
                List.of(IndexDefinition.primaryKey("tenant", "seq"))));
        Table table = engine.table(DB, "composite");
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(List.of(Value.of(i % 2 == 0 ? "Even" : "odd"), Value.of(i), Value.of("n" + i)));
        }
        table.write(new WriteRequest(List.of("tenant", "seq", "note"), rows, ConflictPolicy.ERROR));
        Filter even4 = Filter.and(Filter.equal("tenant", Value.of("EVEN ")), Filter.equal("seq", Value.of(4)));
        assertThat(table.scan(ScanRequest.where(even4).withProjection("note")).toList()).containsExactly(Row.of(Value.of("n4")));
        assertThat(table.count(Filter.and(even4, Filter.equal("note", Value.of("other"))))).isZero();
        assertThat(table.count(Filter.and(Filter.equal("tenant", Value.of("odd")), Filter.equal("seq", Value.of(new BigDecimal("4.5")))))).isZero();
        assertThat(table.count(Filter.and(Filter.equal("tenant", Value.of("odd")), Filter.equal("seq", Value.of(1000L * 1000 * 1000 * 1000))))).isZero();
        assertThat(table.update(even4, row -> row.with(2, Value.of("four")))).isEqualTo(new UpdateResult(1, 1));
        Table docs = docs();
        insert(docs, row(1, "a"), row(2, "b"), row(3, "c"));
        assertThat(docs.scan(ScanRequest.where(new Filter.In(Field.column("id"), List.of(Value.of(3), Value.of(1), Value.of(99))))).toList())
                .containsExactly(row(1, "a"), row(3, "c"));
        assertThat(docs.scan(ScanRequest.where(new Filter.In(Field.column("name"), List.of(Value.of("B"), Value.NULL)))).toList())
                .containsExactly(row(2, "b"));
        assertThat(docs.delete(Filter.equal("name", Value.of("C")))).isEqualTo(1);
        assertThat(docs.count(Filter.ALL)).isEqualTo(2);
    }

    @Test
    public void testIndexedAndUnindexedFiltersAgree()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        for (String name : List.of("indexed", "plain")) {
            List<IndexDefinition> indexes = name.equals("indexed")
                    ? List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_n", "n"), IndexDefinition.index("ix_s", "s", "n"),
                            IndexDefinition.unique("uk_u", "u"))
                    : List.of();
            engine.createTable(DB, new TableDefinition(name, List.of(
                    ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                    ColumnDefinition.nullable("n", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                    ColumnDefinition.nullable("s", ColumnType.StringType.varchar(8)),
                    ColumnDefinition.nullable("u", new ColumnType.DecimalType(6, 2))), indexes));
        }
        String[] words = {"a", "A ", "b", "B", "c", "ä", "aa", ""};
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(List.of(Value.of(i), random.nextInt(8) == 0 ? Value.NULL : Value.of(random.nextInt(20) - 5),
                    random.nextInt(8) == 0 ? Value.NULL : Value.of(words[random.nextInt(words.length)]),
                    random.nextInt(4) == 0 ? Value.NULL : Value.of(new BigDecimal(i).movePointLeft(1))));
        }
        for (String name : List.of("indexed", "plain")) {
            engine.table(DB, name).write(new WriteRequest(List.of("id", "n", "s", "u"), rows, ConflictPolicy.ERROR));
        }
        for (int round = 0; round < 300; round++) {
            Filter filter = randomFilter(random);
            List<Row> expected = engine.table(DB, "plain").scan(ScanRequest.where(filter)).toList();
            List<Row> actual = engine.table(DB, "indexed").scan(ScanRequest.where(filter)).toList();
            assertThat(actual).as("%s: %s", context, filter).containsExactlyElementsOf(expected);
        }
    }

    private static Filter randomFilter(java.util.Random random)
    {
        String column = List.of("id", "n", "s", "u").get(random.nextInt(4));
        Field field = Field.column(column);
        java.util.function.Supplier<Value> constant = () -> switch (column) {
            case "s" -> Value.of(List.of("a", "A", "b ", "B", "c", "a", "aa", "zz", "").get(random.nextInt(9)));
            case "u" -> Value.of(new BigDecimal(random.nextInt(70)).movePointLeft(1 + random.nextInt(2)));
            default -> random.nextBoolean() ? Value.of(random.nextInt(30) - 8) : Value.of(new BigDecimal(random.nextInt(300) - 80).movePointLeft(1));
        };
        Filter leaf = switch (random.nextInt(5)) {
            case 0 -> new Filter.Equal(field, constant.get());
            case 1 -> new Filter.In(field, List.of(constant.get(), constant.get(), random.nextBoolean() ? Value.NULL : constant.get()));
            case 2 -> new Filter.Range(field, Optional.of(constant.get()), random.nextBoolean(), Optional.empty(), false);
            case 3 -> new Filter.Range(field, Optional.empty(), false, Optional.of(constant.get()), random.nextBoolean());
            default -> new Filter.Range(field, Optional.of(constant.get()), random.nextBoolean(), Optional.of(constant.get()), random.nextBoolean());
        };
        return random.nextInt(3) == 0 ? Filter.and(leaf, Filter.not(new Filter.IsNull(Field.column("s")))) : leaf;
    }

    @Test
    public void testJsonPathFiltersAgreeWithFullScans()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        engine.createTable(DB, new TableDefinition("meta", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("metadata", new ColumnType.JsonType())),
                List.of(IndexDefinition.primaryKey("id"))));
        Table table = engine.table(DB, "meta");
        String[] values = {"1", "2.5", "-3", "10", "\"a\"", "\"B\"", "\"10\"", "true", "false", "null", "[1, 2]", "{\"k\": 1}"};
        for (int batch = 0; batch < 4; batch++) {
            List<List<Value>> rows = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int id = batch * 10 + i;
                String document = random.nextInt(8) == 0 ? null : "{\"n\": " + values[random.nextInt(values.length)]
                        + ", \"o\": {\"k\": " + values[random.nextInt(values.length)] + "}"
                        + (random.nextBoolean() ? ", \"s\": " + values[random.nextInt(values.length)] : "") + "}";
                rows.add(List.of(Value.of(id), document == null ? Value.NULL : Value.of(document)));
            }
            table.write(new WriteRequest(List.of("id", "metadata"), rows, ConflictPolicy.ERROR));
        }
        table.update(Filter.Range.lessThan(Field.column("id"), Value.of(5)), row -> row.with(1, Value.of("{\"n\": 2.5, \"s\": \"a\"}")));
        List<Value> constants = List.of(Value.of(1), Value.of(new BigDecimal("2.5")), Value.of(10), Value.of(-3), Value.of("a"), Value.of("B"),
                Value.of("10"), Value.of(2.0), Value.of(dev.quiver.storage.json.JsonNode.JsonNumber.of(1)));
        for (int round = 0; round < 200; round++) {
            Field field = Field.json("metadata", List.of("$.n", "$.s", "$.o.k", "$.o", "$").get(random.nextInt(5)));
            java.util.function.Supplier<Value> constant = () -> constants.get(random.nextInt(constants.size()));
            Filter filter = switch (random.nextInt(4)) {
                case 0 -> new Filter.Equal(field, constant.get());
                case 1 -> new Filter.In(field, List.of(constant.get(), constant.get()));
                case 2 -> new Filter.Range(field, Optional.of(constant.get()), random.nextBoolean(), Optional.empty(), false);
                default -> new Filter.Range(field, Optional.of(constant.get()), random.nextBoolean(), Optional.of(constant.get()), random.nextBoolean());
            };
            List<Row> scanned = table.scan(ScanRequest.where(Filter.or(filter, filter))).toList();
            assertThat(table.scan(ScanRequest.where(filter)).toList()).as("replay with -Dtests.seed=%d: %s", seed, filter).containsExactlyElementsOf(scanned);
        }
    }

    @Test
    public void testJsonPathFilters()
    {
        engine.createTable(DB, new TableDefinition("coll", List.of(
                ColumnDefinition.notNull("_id", ColumnType.BinaryType.varbinary(512)),
                ColumnDefinition.nullable("document", ColumnType.StringType.string()),
                ColumnDefinition.nullable("metadata", new ColumnType.JsonType())),
                List.of(IndexDefinition.primaryKey("_id"))));
        Table table = engine.table(DB, "coll");
        List<String> documents = List.of(
                "{\"lang\": \"en\", \"n\": 1, \"nested\": {\"k\": \"x\"}, \"tags\": [\"a\", \"b\"]}",
                "{\"lang\": \"EN\", \"n\": 2.5}",
                "{\"lang\": \"de\", \"n\": 10, \"nested\": {\"k\": \"y\"}}",
                "{\"lang\": null, \"n\": \"7\"}",
                "{}");
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            rows.add(List.of(Value.of("id" + i), Value.of("doc " + i), Value.of(documents.get(i))));
        }
        table.write(new WriteRequest(List.of("_id", "document", "metadata"), rows, ConflictPolicy.ERROR));
        Field lang = Field.json("metadata", "$.lang");
        Field n = Field.json("metadata", "$.n");
        assertThat(docIds(table, new Filter.Equal(lang, Value.of("en")))).containsExactly("id0");
        assertThat(docIds(table, new Filter.Equal(n, Value.of(new BigDecimal("1.0"))))).containsExactly("id0");
        assertThat(docIds(table, new Filter.Equal(n, Value.of(7)))).isEmpty();
        assertThat(docIds(table, Filter.Range.between(n, Value.of(1), Value.of(10)))).containsExactly("id0", "id1", "id2");
        assertThat(docIds(table, new Filter.In(lang, List.of(Value.of("de"), Value.of("EN"))))).containsExactly("id1", "id2");
        assertThat(docIds(table, new Filter.IsNull(lang))).containsExactly("id4");
        assertThat(docIds(table, new Filter.Equal(Field.json("metadata", "$.nested.k"), Value.of("y")))).containsExactly("id2");
        assertThat(docIds(table, new Filter.Equal(Field.json("metadata", "$.tags[1]"), Value.of("b")))).containsExactly("id0");
        assertThat(docIds(table, Filter.not(new Filter.Equal(lang, Value.of("en"))))).containsExactly("id1", "id2", "id3");
        assertFails(ErrorCode.ER_INVALID_JSON_PATH, () -> Field.json("metadata", "lang"));
    }

    @Test
    public void testGetIsRealTimeAcrossThreads()
            throws Exception
    {
        Table table = counters();
        int threads = 4;
        int perThread = 50;
        ConflictPolicy increment = ConflictPolicy.update((existing, proposed) ->
                existing.with(1, Value.of(((Value.IntegerValue) existing.get(1)).value() + 1)));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        table.write(counterRequest(increment, "shared", 1));
                        table.write(counterRequest(ConflictPolicy.ERROR, "own-" + thread + "-" + i, i));
                        assertThat(table.get(List.of(List.of(Value.of("own-" + thread + "-" + i))))).containsExactly(Optional.of(counter("own-" + thread + "-" + i, i)));
                    }
                }
                catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        assertThat(table.get(List.of(List.of(Value.of("shared"))))).containsExactly(Optional.of(counter("shared", threads * perThread)));
        assertThat(table.count(Filter.ALL)).isEqualTo(1 + threads * perThread);
        restart();
        assertThat(engine.table(DB, "counters").get(List.of(List.of(Value.of("shared"))))).containsExactly(Optional.of(counter("shared", threads * perThread)));
    }

    @Test
    public void testManyRowsSurviveRestart()
    {
        Table table = counters();
        for (int batch = 0; batch < 20; batch++) {
            List<List<Value>> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                rows.add(List.of(Value.of("k" + (batch * 50 + i)), Value.of(batch)));
            }
            table.write(new WriteRequest(List.of("name", "value"), rows, ConflictPolicy.ERROR));
        }
        table.delete(Filter.Range.lessThan(Field.column("value"), Value.of(5)));
        restart();
        Table reopened = engine.table(DB, "counters");
        assertThat(reopened.count(Filter.ALL)).isEqualTo(750);
        assertThat(reopened.get(List.of(List.of(Value.of("k999")), List.of(Value.of("k0"))))).containsExactly(Optional.of(counter("k999", 19)), Optional.empty());
    }

    // ---------------------------------------------------------------- ALTER TABLE, CREATE / DROP INDEX, RENAME TABLE

    private static TableDefinition itemsTable()
    {
        return new TableDefinition("items", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)).withAutoIncrement(),
                ColumnDefinition.nullable("name", ColumnType.StringType.varchar(20)),
                ColumnDefinition.nullable("code", ColumnType.StringType.varchar(10))),
                List.of(IndexDefinition.primaryKey("id")));
    }

    private Table items(String... codes)
    {
        engine.createTable(DB, itemsTable());
        Table table = engine.table(DB, "items");
        for (String code : codes) {
            table.write(new WriteRequest(List.of("name", "code"), List.of(List.of(Value.of("n-" + code), Value.of(code))), ConflictPolicy.ERROR));
        }
        return table;
    }

    private static long insertItem(Table table, String name)
    {
        return table.write(new WriteRequest(List.of("name"), List.of(List.of(Value.of(name))), ConflictPolicy.ERROR)).firstGeneratedId().orElseThrow();
    }

    private static List<Row> allRows(Table table)
    {
        return table.scan(ScanRequest.where(Filter.ALL)).toList();
    }

    private static TableDefinition withColumns(TableDefinition base, List<ColumnDefinition> columns, List<IndexDefinition> indexes)
    {
        return new TableDefinition(base.name(), columns, indexes);
    }

    @Test
    public void testAlterAddColumnWithDefault()
    {
        Table table = items("a", "b", "c");
        TableDefinition before = table.definition();
        List<ColumnDefinition> columns = new ArrayList<>(before.columns());
        columns.add(ColumnDefinition.notNull("score", ColumnType.IntegerType.signed(IntegerWidth.INT)).withDefault(Value.of(7)));
        TableDefinition after = withColumns(before, columns, before.indexes());
        engine.alterTable(DB, "items", after, row -> new Row(concat(row.values(), Value.of(7))));
        assertThat(engine.table(DB, "items").definition()).isEqualTo(after);
        assertThat(table.definition()).as("the handle follows the change").isEqualTo(after);
        assertThat(allRows(table)).containsExactly(
                Row.of(Value.of(1), Value.of("n-a"), Value.of("a"), Value.of(7)),
                Row.of(Value.of(2), Value.of("n-b"), Value.of("b"), Value.of(7)),
                Row.of(Value.of(3), Value.of("n-c"), Value.of("c"), Value.of(7)));
        // writes and real-time gets right after the change; auto_increment continues
        assertThat(insertItem(table, "d")).isEqualTo(4);
        assertThat(table.get(List.of(List.of(Value.of(4))))).containsExactly(Optional.of(Row.of(Value.of(4), Value.of("d"), Value.NULL, Value.of(7))));
        restart();
        Table reopened = engine.table(DB, "items");
        assertThat(reopened.definition()).isEqualTo(after);
        assertThat(reopened.count(Filter.ALL)).isEqualTo(4);
        assertThat(insertItem(reopened, "e")).isEqualTo(5);
        assertThat(reopened.get(List.of(List.of(Value.of(2))))).containsExactly(Optional.of(Row.of(Value.of(2), Value.of("n-b"), Value.of("b"), Value.of(7))));
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> engine.alterTable(DB, "nope", after, row -> row));
        restart();
        assertThat(engine.table(DB, "items").count(Filter.ALL)).isEqualTo(5);
        // two changes in a row, with writes between and after, then restarts (replay passes both switches)
        engine.alterTable(DB, "items", before, row -> new Row(row.values().subList(0, 3)));
        assertThat(insertItem(engine.table(DB, "items"), "f")).isEqualTo(6);
        engine.alterTable(DB, "items", after, row -> new Row(concat(row.values(), Value.of(8))));
        assertThat(insertItem(engine.table(DB, "items"), "g")).isEqualTo(7);
        restart();
        restart();
        Table twice = engine.table(DB, "items");
        assertThat(twice.definition()).isEqualTo(after);
        assertThat(twice.get(List.of(List.of(Value.of(6)), List.of(Value.of(7))))).containsExactly(
                Optional.of(Row.of(Value.of(6), Value.of("f"), Value.NULL, Value.of(8))),
                Optional.of(Row.of(Value.of(7), Value.of("g"), Value.NULL, Value.of(7))));
        assertThat(twice.count(Filter.equal("score", Value.of(8)))).isEqualTo(6);
    }

    @Test
    public void testAlterDropColumnAndChangeType()
    {
        Table table = items("12", "34");
        TableDefinition before = table.definition();
        // a failing coercion (1366) leaves the table untouched
        insertItem(table, "x");
        table.update(Filter.equal("id", Value.of(3)), row -> row.with(2, Value.of("abc")));
        TableDefinition numeric = withColumns(before, List.of(before.columns().get(0), ColumnDefinition.nullable("code", ColumnType.IntegerType.signed(IntegerWidth.INT))),
                before.indexes());
        assertFails(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, () -> engine.alterTable(DB, "items", numeric, row -> Row.of(row.get(0), row.get(2))));
        // too long (1406) and NOT NULL (1048) fail the same way
        TableDefinition narrow = withColumns(before, List.of(before.columns().get(0), ColumnDefinition.nullable("name", ColumnType.StringType.varchar(2)), before.columns().get(2)),
                before.indexes());
        assertFails(ErrorCode.ER_DATA_TOO_LONG, () -> engine.alterTable(DB, "items", narrow, row -> row));
        TableDefinition notNull = withColumns(before, List.of(before.columns().get(0), before.columns().get(1), ColumnDefinition.notNull("code", ColumnType.StringType.varchar(10))),
                before.indexes());
        assertFails(ErrorCode.ER_BAD_NULL_ERROR, () -> engine.alterTable(DB, "items", notNull, row -> row.with(2, row.get(0).equals(Value.of(1)) ? Value.NULL : row.get(2))));
        assertThat(table.definition()).isEqualTo(before);
        assertThat(allRows(table)).containsExactly(
                Row.of(Value.of(1), Value.of("n-12"), Value.of("12")),
                Row.of(Value.of(2), Value.of("n-34"), Value.of("34")),
                Row.of(Value.of(3), Value.of("x"), Value.of("abc")));
        assertThat(insertItem(table, "y")).isEqualTo(4);
        restart();
        table = engine.table(DB, "items");
        assertThat(table.definition()).isEqualTo(before);
        assertThat(table.count(Filter.ALL)).isEqualTo(4);
        table.delete(new Filter.In(Field.column("id"), List.of(Value.of(3), Value.of(4))));
        // dropping "name" and coercing the text codes to INT
        engine.alterTable(DB, "items", numeric, row -> Row.of(row.get(0), row.get(2)));
        assertThat(allRows(table)).containsExactly(Row.of(Value.of(1), Value.of(12)), Row.of(Value.of(2), Value.of(34)));
        assertThat(table.write(new WriteRequest(List.of("code"), List.of(List.of(Value.of(56))), ConflictPolicy.ERROR)).firstGeneratedId().orElseThrow()).isEqualTo(5);
        assertFails(ErrorCode.ER_BAD_FIELD_ERROR, () -> insertItem(engine.table(DB, "items"), "z"));
        restart();
        table = engine.table(DB, "items");
        assertThat(table.definition()).isEqualTo(numeric);
        assertThat(allRows(table)).containsExactly(Row.of(Value.of(1), Value.of(12)), Row.of(Value.of(2), Value.of(34)), Row.of(Value.of(5), Value.of(56)));
        assertThat(table.write(new WriteRequest(List.of("code"), List.of(List.of(Value.of(78))), ConflictPolicy.ERROR)).firstGeneratedId().orElseThrow()).isEqualTo(6);
    }

    @Test
    public void testAlterAddUniqueIndex()
    {
        Table table = items("a", "b", "a");
        TableDefinition before = table.definition();
        List<IndexDefinition> indexes = new ArrayList<>(before.indexes());
        indexes.add(IndexDefinition.unique("uk_code", "code"));
        TableDefinition unique = withColumns(before, before.columns(), indexes);
        assertThatThrownBy(() -> engine.alterTable(DB, "items", unique, row -> row)).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_DUP_ENTRY);
            assertThat(e.getMessage()).contains("'a'").contains("uk_code");
        });
        assertThat(table.definition()).isEqualTo(before);
        assertThat(insertItem(table, "d")).isEqualTo(4);
        restart();
        Table table2 = engine.table(DB, "items");
        assertThat(table2.definition()).isEqualTo(before);
        assertThat(table2.count(Filter.ALL)).isEqualTo(4);
        table2.write(new WriteRequest(List.of("name", "code"), List.of(List.of(Value.of("again"), Value.of("b"))), ConflictPolicy.ERROR));
        table2.delete(Filter.equal("id", Value.of(3)));
        table2.delete(Filter.equal("id", Value.of(5)));
        engine.alterTable(DB, "items", unique, row -> row);
        assertThat(table2.definition()).isEqualTo(unique);
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> table2.write(new WriteRequest(List.of("code"), List.of(List.of(Value.of("A"))), ConflictPolicy.ERROR)));
        assertThat(table2.get(List.of(List.of(Value.of(2))))).containsExactly(Optional.of(Row.of(Value.of(2), Value.of("n-b"), Value.of("b"))));
        restart();
        Table reopened = engine.table(DB, "items");
        assertThat(reopened.definition()).isEqualTo(unique);
        assertFails(ErrorCode.ER_DUP_ENTRY, () -> reopened.write(new WriteRequest(List.of("code"), List.of(List.of(Value.of("b"))), ConflictPolicy.ERROR)));
        WriteResult ignored = reopened.write(new WriteRequest(List.of("code"), List.of(List.of(Value.of("a"))), ConflictPolicy.IGNORE));
        assertThat(ignored.outcomes().get(0)).isInstanceOf(RowOutcome.Ignored.class);
        assertThat(insertItem(reopened, "e")).isGreaterThanOrEqualTo(6);
    }

    @Test
    public void testAlterAddsAndDropsIndexes()
    {
        Table table = items("c", "a", "b");
        TableDefinition before = table.definition();
        List<ColumnDefinition> columns = new ArrayList<>(before.columns());
        columns.add(ColumnDefinition.nullable("embedding", new ColumnType.VectorType(2)));
        List<IndexDefinition> indexes = new ArrayList<>(before.indexes());
        indexes.add(IndexDefinition.index("ix_code", "code"));
        indexes.add(new IndexDefinition("vx", IndexDefinition.Kind.VECTOR, List.of("embedding"), Map.of("distance", "l2", "type", "hnsw")));
        indexes.add(new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("name"), Map.of("parser", "ngram")));
        TableDefinition indexed = withColumns(before, columns, indexes);
        engine.alterTable(DB, "items", indexed, row -> new Row(concat(row.values(), Value.of(new float[] {1, 2}))));
        assertThat(table.definition()).isEqualTo(indexed);
        assertThat(ids(table, Filter.Range.between(Field.column("code"), Value.of("b"), Value.of("c")))).containsExactly(1L, 3L);
        restart();
        table = engine.table(DB, "items");
        assertThat(table.definition()).isEqualTo(indexed);
        assertThat(ids(table, Filter.equal("code", Value.of("A")))).containsExactly(2L);
        insertItem(table, "d");
        TableDefinition dropped = withColumns(before, columns, before.indexes());
        engine.alterTable(DB, "items", dropped, row -> row);
        assertThat(table.definition()).isEqualTo(dropped);
        assertThat(ids(table, Filter.equal("code", Value.of("a")))).containsExactly(2L);
        assertThat(table.get(List.of(List.of(Value.of(4))))).containsExactly(Optional.of(Row.of(Value.of(4), Value.of("d"), Value.NULL, Value.NULL)));
        restart();
        table = engine.table(DB, "items");
        assertThat(table.definition()).isEqualTo(dropped);
        assertThat(table.count(Filter.ALL)).isEqualTo(4);
        assertThat(insertItem(table, "e")).isEqualTo(5);
    }

    @Test
    public void testWritersWaitForAlter()
            throws Exception
    {
        Table table = items("a", "b");
        TableDefinition before = table.definition();
        List<ColumnDefinition> columns = new ArrayList<>(before.columns());
        columns.add(ColumnDefinition.nullable("extra", ColumnType.IntegerType.signed(IntegerWidth.INT)).withDefault(Value.of(9)));
        TableDefinition after = withColumns(before, columns, before.indexes());
        CountDownLatch writerDone = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Thread> writer = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean doneDuringAlter = new java.util.concurrent.atomic.AtomicBoolean();
        engine.alterTable(DB, "items", after, row -> {
            if (writer.get() == null) {
                writer.set(Thread.ofPlatform().start(() -> {
                    insertItem(table, "during");
                    writerDone.countDown();
                }));
                try {
                    doneDuringAlter.set(writerDone.await(200, java.util.concurrent.TimeUnit.MILLISECONDS));
                }
                catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }
            return new Row(concat(row.values(), Value.of(1)));
        });
        writer.get().join(10_000);
        assertThat(doneDuringAlter.get()).as("a writer waits while the table is rebuilt").isFalse();
        assertThat(writerDone.getCount()).isZero();
        assertThat(allRows(table)).containsExactly(
                Row.of(Value.of(1), Value.of("n-a"), Value.of("a"), Value.of(1)),
                Row.of(Value.of(2), Value.of("n-b"), Value.of("b"), Value.of(1)),
                Row.of(Value.of(3), Value.of("during"), Value.NULL, Value.of(9)));
        restart();
        assertThat(allRows(engine.table(DB, "items"))).hasSize(3);
    }

    @Test
    public void testRenameTable()
    {
        Table table = items("a", "b");
        engine.createDatabase("other");
        engine.createTable(DB, docsTable("taken"));
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> engine.renameTable(DB, "nope", DB, "x"));
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> engine.renameTable("nodb", "items", DB, "x"));
        assertFails(ErrorCode.ER_TABLE_EXISTS_ERROR, () -> engine.renameTable(DB, "items", DB, "taken"));
        assertFails(ErrorCode.ER_TABLE_EXISTS_ERROR, () -> engine.renameTable(DB, "items", DB, "items"));
        assertFails(ErrorCode.ER_BAD_DB_ERROR, () -> engine.renameTable(DB, "items", "nodb", "x"));
        assertThat(engine.listTables(DB)).containsExactly("items", "taken");

        engine.renameTable(DB, "items", DB, "things");
        assertThat(engine.listTables(DB)).containsExactly("taken", "things");
        assertFails(ErrorCode.ER_NO_SUCH_TABLE, () -> engine.table(DB, "items"));
        Table things = engine.table(DB, "things");
        assertThat(things.definition().name()).isEqualTo("things");
        assertThat(insertItem(things, "c")).isEqualTo(3);
        assertThat(things.get(List.of(List.of(Value.of(3))))).containsExactly(Optional.of(Row.of(Value.of(3), Value.of("c"), Value.NULL)));
        assertThat(table.count(Filter.ALL)).as("a handle follows its table").isEqualTo(3);
        restart();
        assertThat(engine.listTables(DB)).containsExactly("taken", "things");
        things = engine.table(DB, "things");
        assertThat(things.count(Filter.ALL)).isEqualTo(3);
        assertThat(insertItem(things, "d")).isEqualTo(4);

        engine.renameTable(DB, "things", "other", "moved");
        assertThat(engine.listTables(DB)).containsExactly("taken");
        assertThat(engine.listTables("other")).containsExactly("moved");
        Table moved = engine.table("other", "moved");
        assertThat(moved.databaseName()).isEqualTo("other");
        assertThat(insertItem(moved, "e")).isEqualTo(5);
        restart();
        moved = engine.table("other", "moved");
        assertThat(allRows(moved)).hasSize(5);
        assertThat(insertItem(moved, "f")).isEqualTo(6);
        // alter after a rename, and a restart after both
        List<ColumnDefinition> columns = new ArrayList<>(moved.definition().columns());
        columns.add(ColumnDefinition.nullable("flag", ColumnType.IntegerType.signed(IntegerWidth.TINYINT)));
        TableDefinition altered = new TableDefinition("moved", columns, moved.definition().indexes());
        engine.alterTable("other", "moved", altered, row -> new Row(concat(row.values(), Value.of(0))));
        engine.renameTable("other", "moved", DB, "back");
        restart();
        Table back = engine.table(DB, "back");
        assertThat(back.definition()).isEqualTo(new TableDefinition("back", columns, altered.indexes()));
        assertThat(back.count(Filter.equal("flag", Value.of(0)))).isEqualTo(6);
        assertThat(insertItem(back, "g")).isEqualTo(7);
        engine.dropDatabase("other");
        restart();
        assertThat(engine.listTables(DB)).containsExactly("back", "taken");
        assertThat(engine.table(DB, "back").count(Filter.ALL)).isEqualTo(7);
    }

    private static List<Value> concat(List<Value> values, Value last)
    {
        List<Value> result = new ArrayList<>(values);
        result.add(last);
        return result;
    }

    // ---------------------------------------------------------------- vector search

    private static final long VECTOR_SEED = 20261122L;

    private Table vectorTable(int count)
    {
        engine.createTable(DB, VectorFixtures.vectorTable("vecs"));
        Table table = engine.table(DB, "vecs");
        List<Row> rows = VectorFixtures.rows(VECTOR_SEED, count);
        for (int from = 0; from < rows.size(); from += 50) {
            table.write(new WriteRequest(List.of("id", "category", "meta", "embedding"),
                    rows.subList(from, Math.min(rows.size(), from + 50)).stream().map(Row::values).toList(), ConflictPolicy.ERROR));
        }
        return table;
    }

    private static void assertSameHits(List<VectorFixtures.Hit> actual, List<VectorFixtures.Hit> expected)
    {
        assertThat(actual.stream().map(VectorFixtures.Hit::id).toList()).isEqualTo(expected.stream().map(VectorFixtures.Hit::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).distance()).isCloseTo(expected.get(i).distance(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Exact and approximate (with ef above the table size, so the graph must give the exact answer) against brute force. */
    @Test
    public void testVectorSearchMatchesBruteForceForEveryMetric()
    {
        Table table = vectorTable(400);
        List<Row> rows = VectorFixtures.rows(VECTOR_SEED, 400);
        java.util.Random random = new java.util.Random(VECTOR_SEED + 1);
        for (int q = 0; q < 5; q++) {
            float[] query = VectorFixtures.randomVector(random);
            for (VectorMetric metric : VectorMetric.values()) {
                List<VectorFixtures.Hit> expected = VectorFixtures.bruteForce(rows, 3, metric, query, 10, row -> true);
                SearchResult exact = table.vectorSearch(VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.EXACT));
                assertSameHits(VectorFixtures.hits(exact), expected);
                assertThat(exact.access()).isEqualTo(SearchAccess.EXACT_SCAN);
                SearchResult approximate = table.vectorSearch(VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.APPROXIMATE).withEfSearch(1000));
                assertSameHits(VectorFixtures.hits(approximate), expected);
                SearchResult defaults = table.vectorSearch(VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.APPROXIMATE));
                assertThat(defaults.rows()).hasSize(10);
                assertThat(VectorFixtures.hits(defaults)).as("approximate results carry exact distances, nearest first")
                        .allSatisfy(hit -> assertThat(hit.distance()).isCloseTo(VectorFixtures.distance(metric, query,
                                ((Value.VectorValue) rows.get((int) hit.id() - 1).get(3)).value()), org.assertj.core.data.Offset.offset(1e-9)))
                        .isSortedAccordingTo(java.util.Comparator.comparingDouble(VectorFixtures.Hit::distance));
            }
        }
        // NULL vectors never match; a zero vector has no cosine distance but has the others
        long withVector = rows.stream().filter(row -> !row.get(3).isNull()).count();
        float[] query = {1, 0, 0, 0};
        for (SearchStrategy strategy : SearchStrategy.values()) {
            assertThat(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 1000, strategy)).rows()).hasSize((int) withVector);
            assertThat(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.COSINE, 1000, strategy)).rows()).hasSize((int) withVector - 1);
            assertThat(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.INNER_PRODUCT, 1000, strategy)).rows()).hasSize((int) withVector);
        }
        SearchResult exact = table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 3, SearchStrategy.EXACT));
        assertThat(exact.rowsExamined()).as("an exact search scores every vector").isEqualTo(withVector);
        assertThat(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 0, SearchStrategy.APPROXIMATE)).rows()).isEmpty();
        // known distances
        SearchResult known = table.vectorSearch(new VectorSearchRequest("embedding", ((Value.VectorValue) rows.get(0).get(3)).value(), VectorMetric.L2, 1,
                Filter.ALL, row -> true, SearchStrategy.APPROXIMATE, java.util.OptionalInt.empty(), List.of("id")));
        assertThat(known.rows()).containsExactly(new ScoredRow(Row.of(Value.of(1L)), 0.0));
    }

    @Test
    public void testVectorSearchFiltersAndResidual()
    {
        Table table = vectorTable(400);
        List<Row> rows = VectorFixtures.rows(VECTOR_SEED, 400);
        java.util.Random random = new java.util.Random(VECTOR_SEED + 2);
        Filter category = Filter.equal("category", Value.of(3));
        Filter categories = new Filter.In(Field.column("category"), List.of(Value.of(1), Value.of(2), Value.of(7)));
        Filter range = Filter.Range.between(Field.column("id"), Value.of(50), Value.of(120));
        Filter json = new Filter.Equal(Field.json("meta", "$.g"), Value.of(4));
        Filter untranslatable = Filter.or(Filter.equal("category", Value.of(1)), new Filter.Equal(Field.json("meta", "$.tag"), Value.of("t2")));
        Filter both = Filter.and(categories, json);
        java.util.function.Predicate<Row> residual = row -> VectorFixtures.id(row) % 2 == 0;
        for (Filter filter : List.of(category, categories, range, json, untranslatable, both)) {
            float[] query = VectorFixtures.randomVector(random);
            dev.quiver.storage.filter.FilterEvaluator evaluator = new dev.quiver.storage.filter.FilterEvaluator(table.definition(), filter);
            for (VectorMetric metric : VectorMetric.values()) {
                for (SearchStrategy strategy : SearchStrategy.values()) {
                    VectorSearchRequest request = VectorSearchRequest.of("embedding", query, metric, 7, strategy).withFilter(filter).withEfSearch(1000);
                    assertSameHits(VectorFixtures.hits(table.vectorSearch(request)), VectorFixtures.bruteForce(rows, 3, metric, query, 7, evaluator::matches));
                    VectorSearchRequest withResidual = new VectorSearchRequest("embedding", query, metric, 7, filter, residual, strategy,
                            java.util.OptionalInt.empty(), List.of());
                    assertSameHits(VectorFixtures.hits(table.vectorSearch(withResidual)),
                            VectorFixtures.bruteForce(rows, 3, metric, query, 7, row -> evaluator.matches(row) && residual.test(row)));
                }
            }
        }
        // a residual that only the farthest rows pass: the search keeps going until k pass
        float[] query = {0, 0, 0, 0};
        java.util.function.Predicate<Row> farthest = row -> VectorFixtures.id(row) > 390;
        SearchResult found = table.vectorSearch(new VectorSearchRequest("embedding", query, VectorMetric.L2, 5, Filter.ALL, farthest,
                SearchStrategy.APPROXIMATE, java.util.OptionalInt.of(10), List.of()));
        assertSameHits(VectorFixtures.hits(found), VectorFixtures.bruteForce(rows, 3, VectorMetric.L2, query, 5, farthest));
    }

    @Test
    public void testVectorSearchSeesEveryAcknowledgedWrite()
    {
        Table table = vectorTable(300);
        float[] target = {9, 9, 9, 9};
        for (int round = 0; round < 6; round++) {
            long id = 1000 + round;
            table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(id), Value.of(target))), ConflictPolicy.REPLACE));
            for (VectorMetric metric : List.of(VectorMetric.L2, VectorMetric.COSINE)) {
                SearchResult result = table.vectorSearch(VectorSearchRequest.of("embedding", target, metric, 1, SearchStrategy.APPROXIMATE));
                assertThat(VectorFixtures.ids(result)).as("round %s, %s", round, metric).containsExactly(id);
            }
            // move it away: the stale copy in the index must not come back
            table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(id), Value.of(new float[] {-9, -9, -9, -9 - round}))),
                    ConflictPolicy.update((existing, proposed) -> existing.with(3, proposed.get(3)))));
            SearchResult moved = table.vectorSearch(VectorSearchRequest.of("embedding", target, VectorMetric.L2, 3, SearchStrategy.APPROXIMATE));
            assertThat(VectorFixtures.ids(moved)).doesNotContain(id);
            SearchResult farthest = table.vectorSearch(VectorSearchRequest.of("embedding", target, VectorMetric.INNER_PRODUCT, 400, SearchStrategy.APPROXIMATE));
            assertThat(VectorFixtures.ids(farthest).get(VectorFixtures.ids(farthest).size() - 1)).isEqualTo(1000L + round);
            table.delete(Filter.equal("id", Value.of(id)));
            assertThat(VectorFixtures.ids(table.vectorSearch(VectorSearchRequest.of("embedding", target, VectorMetric.L2, 400, SearchStrategy.APPROXIMATE))))
                    .doesNotContain(id).hasSize(300 - 300 / 13);
        }
    }

    @Test
    public void testVectorSearchAfterRestartAndAlter()
    {
        Table table = vectorTable(300);
        List<Row> rows = VectorFixtures.rows(VECTOR_SEED, 300);
        float[] query = {1, -1, 0.5f, 2};
        VectorSearchRequest request = VectorSearchRequest.of("embedding", query, VectorMetric.INNER_PRODUCT, 8, SearchStrategy.APPROXIMATE).withEfSearch(1000);
        List<VectorFixtures.Hit> expected = VectorFixtures.bruteForce(rows, 3, VectorMetric.INNER_PRODUCT, query, 8, row -> true);
        assertSameHits(VectorFixtures.hits(table.vectorSearch(request)), expected);
        restart();
        table = engine.table(DB, "vecs");
        assertSameHits(VectorFixtures.hits(table.vectorSearch(request)), expected);
        // drop the vector indexes: the same answer, exactly
        TableDefinition before = table.definition();
        List<IndexDefinition> plain = before.indexes().stream().filter(index -> index.kind() != IndexDefinition.Kind.VECTOR).toList();
        engine.alterTable(DB, "vecs", new TableDefinition("vecs", before.columns(), plain), row -> row);
        SearchResult unindexed = table.vectorSearch(request);
        assertSameHits(VectorFixtures.hits(unindexed), expected);
        assertThat(unindexed.access()).isEqualTo(SearchAccess.EXACT_SCAN);
        // add one back with other parameters
        List<IndexDefinition> indexed = new ArrayList<>(plain);
        indexed.add(new IndexDefinition("v_ip2", IndexDefinition.Kind.VECTOR, List.of("embedding"),
                Map.of("distance", "inner_product", "type", "hnsw", "m", "8", "ef_construction", "64", "ef_search", "500")));
        engine.alterTable(DB, "vecs", new TableDefinition("vecs", before.columns(), indexed), row -> row);
        assertSameHits(VectorFixtures.hits(table.vectorSearch(request)), expected);
        assertSameHits(VectorFixtures.hits(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.INNER_PRODUCT, 8, SearchStrategy.APPROXIMATE))), expected);
        restart();
        table = engine.table(DB, "vecs");
        assertSameHits(VectorFixtures.hits(table.vectorSearch(request)), expected);
        table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(999L), Value.of(new float[] {100, -100, 50, 200}))), ConflictPolicy.ERROR));
        assertThat(VectorFixtures.ids(table.vectorSearch(request)).get(0)).isEqualTo(999L);
        restart();
        assertThat(VectorFixtures.ids(engine.table(DB, "vecs").vectorSearch(request)).get(0)).isEqualTo(999L);
    }

    @Test
    public void testVectorIndexOfMaximumDimensionsSurvivesRestart()
    {
        int dimensions = 4096;
        engine.createTable(DB, new TableDefinition("wide", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("v", new ColumnType.VectorType(dimensions))),
                List.of(IndexDefinition.primaryKey("id"), VectorFixtures.vectorIndex("vx", "v", "cosine", "hnsw"),
                        VectorFixtures.vectorIndex("vsq", "v", "l2", "hnsw_sq"))));
        Table table = engine.table(DB, "wide");
        java.util.Random random = new java.util.Random(VECTOR_SEED);
        List<float[]> vectors = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            float[] vector = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                vector[i] = random.nextFloat() - 0.5f;
            }
            vectors.add(vector);
            table.write(new WriteRequest(List.of("id", "v"), List.of(List.of(Value.of(id), Value.of(vector))), ConflictPolicy.ERROR));
        }
        restart();
        table = engine.table(DB, "wide");
        for (VectorMetric metric : List.of(VectorMetric.COSINE, VectorMetric.L2)) {
            SearchResult result = table.vectorSearch(VectorSearchRequest.of("v", vectors.get(6), metric, 3, SearchStrategy.APPROXIMATE));
            assertThat(VectorFixtures.ids(result).get(0)).isEqualTo(7L);
            assertThat(result.rows().get(0).score()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> new TableDefinition("wider", List.of(ColumnDefinition.nullable("v", new ColumnType.VectorType(4097))),
                List.of(VectorFixtures.vectorIndex("vx", "v", "l2", "hnsw"))));
    }

    @Test
    public void testVectorSearchErrors()
    {
        Table table = vectorTable(20);
        float[] query = {1, 2, 3, 4};
        assertFails(ErrorCode.ER_BAD_FIELD_ERROR, () -> table.vectorSearch(VectorSearchRequest.of("nope", query, VectorMetric.L2, 3, SearchStrategy.APPROXIMATE)));
        assertFails(ErrorCode.ER_WRONG_ARGUMENTS, () -> table.vectorSearch(VectorSearchRequest.of("meta", query, VectorMetric.L2, 3, SearchStrategy.EXACT)));
        assertFails(ErrorCode.ER_VECTOR_DIMENSION_MISMATCH, () -> table.vectorSearch(VectorSearchRequest.of("embedding", new float[] {1, 2, 3}, VectorMetric.L2, 3, SearchStrategy.APPROXIMATE)));
        List<ColumnDefinition> columns = table.definition().columns();
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> new TableDefinition("bad", columns, List.of(VectorFixtures.vectorIndex("v", "embedding", "l2", "ivf_pq"))));
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> new TableDefinition("bad", columns, List.of(VectorFixtures.vectorIndex("v", "embedding", "hamming", "hnsw"))));
        assertFails(ErrorCode.ER_WRONG_ARGUMENTS, () -> new TableDefinition("bad", columns, List.of(VectorFixtures.vectorIndex("v", "meta", "l2", "hnsw"))));
        assertFails(ErrorCode.ER_WRONG_ARGUMENTS, () -> new TableDefinition("bad", columns, List.of(new IndexDefinition("v", IndexDefinition.Kind.VECTOR,
                List.of("embedding"), Map.of("distance", "l2", "type", "hnsw", "m", "200")))));
        assertFails(ErrorCode.ER_WRONG_ARGUMENTS, () -> new TableDefinition("bad", columns, List.of(new IndexDefinition("v", IndexDefinition.Kind.VECTOR,
                List.of("embedding"), Map.of("distance", "l2", "type", "hnsw", "m", "16", "ef_construction", "16")))));
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> new TableDefinition("bad", columns, List.of(new IndexDefinition("v", IndexDefinition.Kind.VECTOR,
                List.of("embedding"), Map.of("distance", "l2", "type", "hnsw", "colour", "blue")))));
    }

    // ---------------------------------------------------------------- fixtures

    protected static void assertFails(ErrorCode code, ThrowingCallable call)
    {
        assertThatThrownBy(call).isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code));
    }

    protected static TableDefinition docsTable(String name)
    {
        return new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("name", ColumnType.StringType.varchar(20))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.unique("uk_name", "name")));
    }

    protected Table docs()
    {
        engine.createTable(DB, docsTable("docs"));
        return engine.table(DB, "docs");
    }

    protected Table counters()
    {
        engine.createTable(DB, new TableDefinition("counters", List.of(
                ColumnDefinition.notNull("name", ColumnType.StringType.varchar(64)),
                ColumnDefinition.notNull("value", ColumnType.IntegerType.signed(IntegerWidth.BIGINT))),
                List.of(IndexDefinition.primaryKey("name"))));
        return engine.table(DB, "counters");
    }

    protected static Row counter(String name, long value)
    {
        return Row.of(Value.of(name), Value.of(value));
    }

    protected static WriteRequest counterRequest(ConflictPolicy policy, String name, long value)
    {
        return new WriteRequest(List.of("name", "value"), List.of(List.of(Value.of(name), Value.of(value))), policy);
    }

    protected static TableDefinition allTypesTable()
    {
        return new TableDefinition("types", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("c_tiny", ColumnType.IntegerType.signed(IntegerWidth.TINYINT)),
                ColumnDefinition.nullable("c_bool", new ColumnType.BooleanType()),
                ColumnDefinition.nullable("c_ubig", ColumnType.IntegerType.unsigned(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("c_int", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("c_float", new ColumnType.FloatType()),
                ColumnDefinition.nullable("c_double", new ColumnType.DoubleType()),
                ColumnDefinition.nullable("c_dec", new ColumnType.DecimalType(5, 2)),
                ColumnDefinition.nullable("c_char", ColumnType.StringType.charType(8)),
                ColumnDefinition.nullable("c_varchar", ColumnType.StringType.varchar(10)),
                ColumnDefinition.nullable("c_text", ColumnType.StringType.text()),
                ColumnDefinition.nullable("c_longtext", ColumnType.StringType.longText()),
                ColumnDefinition.nullable("c_string", ColumnType.StringType.string()),
                ColumnDefinition.nullable("c_binary", ColumnType.BinaryType.binary(4)),
                ColumnDefinition.nullable("c_varbinary", ColumnType.BinaryType.varbinary(4)),
                ColumnDefinition.nullable("c_blob", ColumnType.BinaryType.blob()),
                ColumnDefinition.nullable("c_json", new ColumnType.JsonType()),
                ColumnDefinition.nullable("c_vector", new ColumnType.VectorType(3)),
                ColumnDefinition.nullable("c_bigvector", new ColumnType.VectorType(ColumnType.MAX_VECTOR_DIMENSIONS)),
                ColumnDefinition.nullable("c_date", ColumnType.TemporalType.date()),
                ColumnDefinition.nullable("c_datetime", new ColumnType.TemporalType(ColumnType.TemporalKind.DATETIME, 3)),
                ColumnDefinition.nullable("c_timestamp", ColumnType.TemporalType.timestamp())),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_int", "c_int"),
                        new IndexDefinition("vx", IndexDefinition.Kind.VECTOR, List.of("c_vector"), Map.of("distance", "l2", "type", "hnsw"))));
    }

    private static void writeOne(Table table, String column, Value value)
    {
        List<String> columns = column.equals("id") ? List.of("id") : List.of("id", column);
        List<Value> values = column.equals("id") ? List.of(value) : List.of(Value.of(99), value);
        table.write(new WriteRequest(columns, List.of(values), ConflictPolicy.ERROR));
    }

    protected static Row row(long id, String name)
    {
        return Row.of(Value.of(id), Value.of(name));
    }

    protected static WriteRequest request(ConflictPolicy policy, Row... rows)
    {
        return new WriteRequest(List.of("id", "name"), Arrays.stream(rows).map(Row::values).toList(), policy);
    }

    protected static void insert(Table table, Row... rows)
    {
        table.write(request(ConflictPolicy.ERROR, rows));
    }

    private static List<Long> ids(Table table, Filter filter)
    {
        return table.scan(ScanRequest.where(filter)).toList().stream().map(row -> ((Value.IntegerValue) row.get(0)).value()).toList();
    }

    private static List<String> docIds(Table table, Filter filter)
    {
        return table.scan(ScanRequest.where(filter).withProjection("_id")).toList().stream().map(row -> row.get(0).toSqlText()).toList();
    }

    @SuppressWarnings("unused")
    private static OptionalLong none()
    {
        return OptionalLong.empty();
    }

    // ------------------------------------------------------------------ concurrency inside one table

    private static TableDefinition keyedTable(String name)
    {
        return new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.StringType.varchar(32)),
                ColumnDefinition.notNull("u", ColumnType.StringType.varchar(32)),
                ColumnDefinition.notNull("n", ColumnType.IntegerType.signed(IntegerWidth.BIGINT))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.unique("u_key", "u")));
    }

    private static List<Value> keyedRow(String id, String u, long n)
    {
        return List.of(Value.of(id), Value.of(u), Value.of(n));
    }

    private static final ConflictPolicy INCREMENT_N = ConflictPolicy.update((existing, proposed) ->
            existing.with(2, Value.of(((Value.IntegerValue) existing.get(2)).value() + 1)));

    private static final ConflictPolicy MOVE_U = ConflictPolicy.update((existing, proposed) -> existing.with(1, proposed.get(1)));

    /**
     * Writers upserting disjoint keys are inside the apply section (holding their locks, before logging) at the same
     * time: each waits there on a barrier that only trips when all of them have arrived, which can never happen if
     * they serialise. The barrier's timeout only guards against hanging the build.
     */
    @Test
    public void testWritersOfDisjointKeysApplyInParallel()
            throws Exception
    {
        engine.createTable(DB, keyedTable("parallel"));
        dev.quiver.storage.table.RowStoreTable table = (dev.quiver.storage.table.RowStoreTable) engine.table(DB, "parallel");
        int writers = 4;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(writers);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();
        table.setApplyHook(() -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                together.await(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException("writers of disjoint keys did not meet inside the apply section", e);
            }
            finally {
                inside.decrementAndGet();
            }
        });
        List<ConflictPolicy> policies = List.of(INCREMENT_N, ConflictPolicy.ERROR, ConflictPolicy.IGNORE, ConflictPolicy.REPLACE);
        // disjoint keys can still share a lock stripe (then those writers rightly wait for each other): pick keys whose
        // stripes differ, so that the only thing that could keep the writers apart is the table lock
        java.util.Set<Integer> usedStripes = new java.util.HashSet<>();
        List<List<List<Value>>> batches = new ArrayList<>();
        for (int writer = 0, candidate = 0; writer < writers; writer++) {
            List<List<Value>> rows = new ArrayList<>();
            while (rows.size() < 50) {
                List<Value> row = keyedRow("w" + writer + "-" + candidate, "u" + writer + "-" + candidate, candidate);
                candidate++;
                int idStripe = table.stripe(0, dev.quiver.storage.row.ValueComparison.indexKey(new Row(row), new int[] {0}));
                int uStripe = table.stripe(1, dev.quiver.storage.row.ValueComparison.indexKey(new Row(row), new int[] {1}));
                if (idStripe != uStripe && !usedStripes.contains(idStripe) && !usedStripes.contains(uStripe)) {
                    usedStripes.add(idStripe);
                    usedStripes.add(uStripe);
                    rows.add(row);
                }
            }
            batches.add(rows);
        }
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int writer = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    table.write(new WriteRequest(List.of("id", "u", "n"), batches.get(writer), policies.get(writer)));
                }
                catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        table.setApplyHook(null);
        assertThat(failures).isEmpty();
        assertThat(mostInside.get()).isEqualTo(writers);
        assertThat(table.count(Filter.ALL)).isEqualTo(writers * 50L);
        restart();
        assertThat(engine.table(DB, "parallel").count(Filter.ALL)).isEqualTo(writers * 50L);
    }

    /**
     * A writer of a key that another writer holds waits for it: the second writer parks (on the key's lock) while
     * the first is inside the apply section, and only enters after the first has published.
     */
    @Test
    public void testWritersOfOneKeySerialise()
            throws Exception
    {
        engine.createTable(DB, keyedTable("serial"));
        dev.quiver.storage.table.RowStoreTable table = (dev.quiver.storage.table.RowStoreTable) engine.table(DB, "serial");
        table.write(new WriteRequest(List.of("id", "u", "n"), List.of(keyedRow("k", "uk", 0)), ConflictPolicy.ERROR));
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Thread> first = new java.util.concurrent.atomic.AtomicReference<>();
        table.setApplyHook(() -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (first.compareAndSet(null, Thread.currentThread())) {
                    firstInside.countDown();
                    releaseFirst.await();
                }
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            finally {
                inside.decrementAndGet();
            }
        });
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable increment = () -> {
            try {
                table.write(new WriteRequest(List.of("id", "u", "n"), List.of(keyedRow("k", "other", 0)), INCREMENT_N));
            }
            catch (Throwable e) {
                failures.add(e);
            }
        };
        Thread a = Thread.ofPlatform().start(increment);
        firstInside.await();
        Thread b = Thread.ofPlatform().start(increment);
        while (b.getState() != Thread.State.WAITING && b.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(inside.get()).isEqualTo(1);
        releaseFirst.countDown();
        a.join();
        b.join();
        table.setApplyHook(null);
        assertThat(failures).isEmpty();
        assertThat(mostInside.get()).isEqualTo(1);
        assertThat(table.get(List.of(List.of(Value.of("k"))))).containsExactly(Optional.of(new Row(keyedRow("k", "uk", 2))));
    }

    /**
     * Many threads race to write the same new primary-key and unique values with every policy (and an ODKU that
     * moves the unique value of the row it merges into). The order in which
     * statements reached their apply section is a serial order (writers of a shared key are inside it one at a
     * time); replaying the successful statements in that order on a fresh reference table must give the same
     * outcome for every row and the same final rows, so affected-row counts add up. Failed statements are 1062s.
     */
    @Test
    public void testRacingWritersAreSerialisable()
            throws Exception
    {
        engine.createTable(DB, keyedTable("race"));
        dev.quiver.storage.table.RowStoreTable table = (dev.quiver.storage.table.RowStoreTable) engine.table(DB, "race");
        long seed = Long.getLong("tests.seed", System.nanoTime());
        int threads = 6;
        int statementsPerThread = 60;
        record Done(long order, WriteRequest request, WriteResult result) {}
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        ThreadLocal<Long> position = new ThreadLocal<>();
        table.setApplyHook(() -> position.set(sequence.incrementAndGet()));
        List<Done> done = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            java.util.Random random = new java.util.Random(seed + t);
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int s = 0; s < statementsPerThread; s++) {
                        List<List<Value>> rows = new ArrayList<>();
                        int size = 1 + random.nextInt(3);
                        for (int r = 0; r < size; r++) {
                            rows.add(keyedRow("k" + random.nextInt(6), "u" + random.nextInt(6), 1));
                        }
                        ConflictPolicy policy = switch (random.nextInt(5)) {
                            case 0 -> ConflictPolicy.ERROR;
                            case 1 -> ConflictPolicy.IGNORE;
                            case 2 -> INCREMENT_N;
                            // ODKU moving the row's unique value: the statement touches a key it could not know up front
                            case 3 -> MOVE_U;
                            default -> ConflictPolicy.REPLACE;
                        };
                        WriteRequest request = new WriteRequest(List.of("id", "u", "n"), rows, policy);
                        position.remove();
                        try {
                            WriteResult result = table.write(request);
                            done.add(new Done(position.get(), request, result));
                        }
                        catch (QuiverException e) {
                            assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_DUP_ENTRY);
                            duplicates.incrementAndGet();
                        }
                    }
                }
                catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        table.setApplyHook(null);
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(done.size() + duplicates.get()).isEqualTo((long) threads * statementsPerThread);

        StorageEngine reference = new dev.quiver.storage.memory.InMemoryStorageEngine();
        reference.createDatabase(DB);
        reference.createTable(DB, keyedTable("race"));
        Table serial = reference.table(DB, "race");
        List<Done> ordered = new ArrayList<>(done);
        ordered.sort(java.util.Comparator.comparingLong(Done::order));
        long affected = 0;
        long serialAffected = 0;
        for (Done each : ordered) {
            WriteResult replayed = serial.write(each.request());
            assertThat(each.result().outcomes()).as("statement %d, seed %d", each.order(), seed).isEqualTo(replayed.outcomes());
            affected += each.result().affectedRows();
            serialAffected += replayed.affectedRows();
        }
        assertThat(affected).isEqualTo(serialAffected);
        List<Row> expected = serial.scan(ScanRequest.all()).toList();
        assertThat(table.scan(ScanRequest.all()).toList()).as("seed %d", seed).isEqualTo(expected);
        restart();
        assertThat(engine.table(DB, "race").scan(ScanRequest.all()).toList()).as("seed %d", seed).isEqualTo(expected);
    }

    /**
     * Concurrent writers generating auto_increment ids (some statements failing with 1062 after taking ids) never
     * hand out one id twice, report their first generated id, and after a restart the counter is past every id.
     */
    @Test
    public void testConcurrentAutoIncrement()
            throws Exception
    {
        engine.createTable(DB, new TableDefinition("auto", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)).withAutoIncrement(),
                ColumnDefinition.notNull("name", ColumnType.StringType.varchar(32))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.unique("name_key", "name"))));
        Table table = engine.table(DB, "auto");
        int threads = 4;
        int statementsPerThread = 40;
        java.util.concurrent.atomic.AtomicLong inserted = new java.util.concurrent.atomic.AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int s = 0; s < statementsPerThread; s++) {
                        // every fifth statement repeats a name of the thread's previous statement: it takes ids, then fails
                        String second = s % 5 == 4 ? "t" + thread + "-" + (s - 1) + "-a" : "t" + thread + "-" + s + "-b";
                        WriteRequest request = new WriteRequest(List.of("name"), List.of(
                                List.of(Value.of("t" + thread + "-" + s + "-a")), List.of(Value.of(second))), ConflictPolicy.ERROR);
                        try {
                            WriteResult result = table.write(request);
                            inserted.addAndGet(2);
                            Row first = ((RowOutcome.Inserted) result.outcomes().get(0)).row();
                            assertThat(result.firstGeneratedId()).isEqualTo(OptionalLong.of(((Value.IntegerValue) first.get(0)).value()));
                        }
                        catch (QuiverException e) {
                            assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_DUP_ENTRY);
                            assertThat(s % 5).isEqualTo(4);
                        }
                    }
                }
                catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        assertThat(table.count(Filter.ALL)).isEqualTo(inserted.get());
        long highest = table.scan(ScanRequest.all()).toList().stream().mapToLong(row -> ((Value.IntegerValue) row.get(0)).value()).max().orElseThrow();
        restart();
        Table reopened = engine.table(DB, "auto");
        assertThat(reopened.count(Filter.ALL)).isEqualTo(inserted.get());
        WriteResult next = reopened.write(new WriteRequest(List.of("name"), List.of(List.of(Value.of("after restart"))), ConflictPolicy.ERROR));
        assertThat(next.firstGeneratedId().orElseThrow()).isGreaterThan(highest);
    }
}
