package dev.quiver.sql.execution;

import dev.quiver.sql.result.MySqlType;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;

import java.util.List;

/** Builders for the fixed-shape result sets of SHOW statements. */
final class Results
{
    private static final int NOT_NULL_FLAG = 1;
    private static final int UNSIGNED_FLAG = 32;
    private static final int BINARY_FLAG = 128;
    private static final int NUM_FLAG = 32768;
    private static final int UTF8MB4_MAX_BYTES = 4;

    private Results()
    {
    }

    static ResultColumn text(String name, int characters, boolean nullable)
    {
        return ResultColumn.expression(name, MySqlType.VAR_STRING, false, (long) characters * UTF8MB4_MAX_BYTES, nullable ? 0 : NOT_NULL_FLAG, 0);
    }

    static ResultColumn bigint(String name, boolean nullable)
    {
        return ResultColumn.expression(name, MySqlType.LONGLONG, true, 21, (nullable ? 0 : NOT_NULL_FLAG) | BINARY_FLAG | NUM_FLAG, 0);
    }

    static ResultColumn unsignedInt(String name, int length)
    {
        return ResultColumn.expression(name, MySqlType.LONG, true, length, NOT_NULL_FLAG | UNSIGNED_FLAG | BINARY_FLAG | NUM_FLAG, 0);
    }

    static RowsResult rows(List<ResultColumn> columns, List<Object[]> rows)
    {
        return new RowsResult(columns, RowCursor.of(rows));
    }
}
