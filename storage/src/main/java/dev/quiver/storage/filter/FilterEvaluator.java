package dev.quiver.storage.filter;

import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueComparison;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates a {@link Filter} against rows of one table with SQL's three-valued logic. Binding resolves column
 * names once ({@code ER_BAD_FIELD_ERROR} for unknown ones).
 */
public final class FilterEvaluator
{
    private enum Truth
    {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean value)
        {
            return value ? TRUE : FALSE;
        }

        Truth not()
        {
            return switch (this) {
                case TRUE -> FALSE;
                case FALSE -> TRUE;
                case UNKNOWN -> UNKNOWN;
            };
        }
    }

    private final TableDefinition table;
    private final Filter filter;
    private final Map<Filter.Field, Integer> positions = new IdentityHashMap<>();

    public FilterEvaluator(TableDefinition table, Filter filter)
    {
        this.table = requireNonNull(table, "table is null");
        this.filter = requireNonNull(filter, "filter is null");
        validate(filter);
    }

    public boolean matches(Row row)
    {
        return evaluate(filter, row) == Truth.TRUE;
    }

    private void validate(Filter node)
    {
        switch (node) {
            case Filter.All ignored -> {}
            case Filter.Equal equal -> bind(equal.field());
            case Filter.Range range -> bind(range.field());
            case Filter.In in -> bind(in.field());
            case Filter.IsNull isNull -> bind(isNull.field());
            case Filter.And and -> and.operands().forEach(this::validate);
            case Filter.Or or -> or.operands().forEach(this::validate);
            case Filter.Not not -> validate(not.operand());
        }
    }

    private void bind(Filter.Field field)
    {
        positions.put(field, table.requireColumn(field.column()));
    }

    private Truth evaluate(Filter node, Row row)
    {
        return switch (node) {
            case Filter.All ignored -> Truth.TRUE;
            case Filter.Equal equal -> compare(read(equal.field(), row), equal.value(), result -> result == 0);
            case Filter.Range range -> range(range, read(range.field(), row));
            case Filter.In in -> in(in, read(in.field(), row));
            case Filter.IsNull isNull -> Truth.of(read(isNull.field(), row).isNull());
            case Filter.And and -> {
                Truth result = Truth.TRUE;
                for (Filter operand : and.operands()) {
                    Truth truth = evaluate(operand, row);
                    if (truth == Truth.FALSE) {
                        yield Truth.FALSE;
                    }
                    if (truth == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                yield result;
            }
            case Filter.Or or -> {
                Truth result = Truth.FALSE;
                for (Filter operand : or.operands()) {
                    Truth truth = evaluate(operand, row);
                    if (truth == Truth.TRUE) {
                        yield Truth.TRUE;
                    }
                    if (truth == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                yield result;
            }
            case Filter.Not not -> evaluate(not.operand(), row).not();
        };
    }

    private Value read(Filter.Field field, Row row)
    {
        Value value = row.get(positions.get(field));
        if (field.path().isEmpty() || value.isNull()) {
            return value;
        }
        if (!(value instanceof Value.JsonValue json)) {
            return Value.NULL;
        }
        Optional<JsonNode> extracted = field.path().get().extract(json.value());
        return extracted.<Value>map(Value.JsonValue::new).orElse(Value.NULL);
    }

    private interface ResultTest
    {
        boolean test(int comparison);
    }

    private static Truth compare(Value actual, Value expected, ResultTest test)
    {
        if (actual.isNull() || expected.isNull()) {
            return Truth.UNKNOWN;
        }
        return Truth.of(test.test(ValueComparison.compare(actual, expected)));
    }

    private static Truth range(Filter.Range range, Value actual)
    {
        Truth result = Truth.TRUE;
        if (range.lower().isPresent()) {
            Truth lower = compare(actual, range.lower().get(), c -> range.lowerInclusive() ? c >= 0 : c > 0);
            if (lower == Truth.FALSE) {
                return Truth.FALSE;
            }
            result = lower;
        }
        if (range.upper().isPresent()) {
            Truth upper = compare(actual, range.upper().get(), c -> range.upperInclusive() ? c <= 0 : c < 0);
            if (upper == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (upper == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private static Truth in(Filter.In in, Value actual)
    {
        if (actual.isNull()) {
            return Truth.UNKNOWN;
        }
        Truth result = Truth.FALSE;
        for (Value candidate : in.values()) {
            Truth truth = compare(actual, candidate, c -> c == 0);
            if (truth == Truth.TRUE) {
                return Truth.TRUE;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }
}
