package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;

import java.util.Optional;

/**
 * The storage column a parsed column definition makes (CREATE TABLE, ALTER TABLE ADD / MODIFY / CHANGE / SET DEFAULT),
 * under MySQL's column rules: identifier length (1059), AUTO_INCREMENT only on integers (1063), and literal defaults
 * evaluated and coerced to the column's type (1067, 1101).
 */
final class ColumnDefinitions
{
    /** MySQL's limit on table and column names. */
    static final int MAXIMUM_IDENTIFIER_LENGTH = 64;

    private ColumnDefinitions()
    {
    }

    static ColumnDefinition column(String table, ColumnSpec spec, ExecutionContext context)
    {
        if (spec.name().length() > MAXIMUM_IDENTIFIER_LENGTH) {
            throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, spec.name());
        }
        if (spec.autoIncrement() && !(spec.type() instanceof ColumnType.IntegerType)) {
            throw new QuiverException(ErrorCode.ER_WRONG_FIELD_SPEC, spec.name());
        }
        boolean nullable = spec.nullable().orElse(true) && !spec.primaryKey();
        ColumnDefinition column = new ColumnDefinition(spec.name(), spec.type(), nullable, Optional.empty(), spec.autoIncrement());
        if (spec.defaultValue().isPresent() && !spec.defaultIsExpression()) {
            boolean blob = spec.type() instanceof ColumnType.JsonType
                    || (spec.type() instanceof ColumnType.StringType text && text.kind() != ColumnType.StringKind.STRING && !text.lengthInCharacters())
                    || (spec.type() instanceof ColumnType.BinaryType binary && binary.kind() != ColumnType.BinaryKind.BINARY && binary.kind() != ColumnType.BinaryKind.VARBINARY);
            if (blob && !(spec.defaultValue().get() instanceof dev.quiver.sql.tree.Expression.NullLiteral)) {
                // MySQL 8 takes expression defaults only for these
                throw new QuiverException(ErrorCode.ER_BLOB_CANT_HAVE_DEFAULT, spec.name());
            }
            if (spec.autoIncrement()) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
            Value value = TableValues.toValue(ExpressionEvaluator.evaluate(spec.defaultValue().get(), context));
            if (value.isNull()) {
                if (!nullable) {
                    throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
                }
                return column.withDefault(Value.NULL);
            }
            try {
                return column.withDefault(ValueCoercion.coerce(table, column, value, 1));
            }
            catch (QuiverException ex) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
        }
        if (spec.defaultIsExpression() && spec.defaultText().orElse("").equals("CURRENT_TIMESTAMP")
                && !(spec.type() instanceof ColumnType.TemporalType temporal && temporal.kind() != ColumnType.TemporalKind.DATE)) {
            throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
        }
        return column;
    }
}
