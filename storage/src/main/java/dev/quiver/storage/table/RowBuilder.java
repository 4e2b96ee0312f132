package dev.quiver.storage.table;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns a statement's values into rows of the table: column placement, defaults, coercion and auto_increment
 * values (generated, or raised by explicit values) for writes, and coercion of rows an update or merge produced.
 */
final class RowBuilder
{
    /** A write's rows built before its locks: the rows up to the first failure, the failure, LAST_INSERT_ID. */
    record Prepared(List<Row> rows, RuntimeException failure, OptionalLong firstGeneratedId, long autoIncrementBefore, CounterClaim autoIncrementClaim) {}

    private final TableState state;

    RowBuilder(TableState state)
    {
        this.state = state;
    }

    Prepared prepare(int[] positions, List<List<Value>> values)
    {
        long before = state.autoIncrement.get();
        CounterClaim claim = new CounterClaim();
        List<Row> rows = new ArrayList<>(values.size());
        OptionalLong firstGeneratedId = OptionalLong.empty();
        RuntimeException failure = null;
        for (int i = 0; i < values.size(); i++) {
            try {
                List<Value> row = values.get(i);
                if (row.size() != positions.length) {
                    throw new QuiverException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, i + 1);
                }
                long[] generated = {-1};
                rows.add(buildRow(positions, row, i + 1, generated, claim));
                if (firstGeneratedId.isEmpty() && generated[0] >= 0 && generated(positions, row)) {
                    firstGeneratedId = OptionalLong.of(generated[0]);
                }
            }
            catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        return new Prepared(rows, failure, firstGeneratedId, before, claim);
    }

    private boolean generated(int[] positions, List<Value> values)
    {
        int column = state.autoIncrementColumn.getAsInt();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == column) {
                return isAutoRequest(values.get(i));
            }
        }
        return true;
    }

    private static boolean isAutoRequest(Value value)
    {
        return value.isNull() || (value instanceof Value.IntegerValue integer && integer.value() == 0);
    }

    /** Builds a row; {@code generated[0]} = the value generated for the auto column (else left alone). */
    private Row buildRow(int[] positions, List<Value> values, int rowNumber, long[] generated, CounterClaim claim)
    {
        List<ColumnDefinition> columns = state.definition.columns();
        Value[] result = new Value[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            if (result[positions[i]] != null) {
                throw new QuiverException(ErrorCode.ER_FIELD_SPECIFIED_TWICE, columns.get(positions[i]).name());
            }
            result[positions[i]] = values.get(i);
        }
        for (int i = 0; i < result.length; i++) {
            ColumnDefinition column = columns.get(i);
            if (column.autoIncrement()) {
                if (result[i] == null || isAutoRequest(result[i])) {
                    long value = state.autoIncrement.incrementAndGet();
                    claim.took(value - 1, value);
                    generated[0] = value;
                    result[i] = Value.of(value);
                }
                result[i] = ValueCoercion.coerce(state.definition.name(), column, result[i], rowNumber);
                if (result[i] instanceof Value.IntegerValue integer && !integer.unsigned()) {
                    long previous = state.autoIncrement.getAndAccumulate(integer.value(), Math::max);
                    if (integer.value() > previous) {
                        claim.took(previous, integer.value());
                    }
                }
                continue;
            }
            if (result[i] == null) {
                if (column.defaultValue().isPresent()) {
                    result[i] = column.defaultValue().get();
                }
                else if (column.nullable()) {
                    result[i] = Value.NULL;
                }
                else {
                    throw new QuiverException(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, column.name());
                }
            }
            result[i] = ValueCoercion.coerce(state.definition.name(), column, result[i], rowNumber);
        }
        return new Row(Arrays.asList(result));
    }

    Row coerceRow(StatementOverlay statement, Row row, int rowNumber)
    {
        if (row.size() != state.definition.columns().size()) {
            throw new IllegalArgumentException("row has " + row.size() + " values, table has " + state.definition.columns().size() + " columns");
        }
        Value[] result = new Value[row.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ValueCoercion.coerce(state.definition.name(), state.definition.columns().get(i), row.get(i), rowNumber);
            if (state.definition.columns().get(i).autoIncrement() && result[i] instanceof Value.IntegerValue integer
                    && !integer.unsigned() && integer.value() > state.autoIncrement.get()) {
                statement.raiseAutoIncrement(integer.value());
            }
        }
        return new Row(Arrays.asList(result));
    }
}
