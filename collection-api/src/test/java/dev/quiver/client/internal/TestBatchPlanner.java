package dev.quiver.client.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestBatchPlanner
{
    private static final Set<Column> ALL = EnumSet.allOf(Column.class);

    @Test
    void testRowLimitBoundaries()
    {
        assertThat(sizes(BatchPlanner.plan(rows(4096, "d"), ALL, Long.MAX_VALUE, 4096))).containsExactly(4096);
        assertThat(sizes(BatchPlanner.plan(rows(4097, "d"), ALL, Long.MAX_VALUE, 4096))).containsExactly(4096, 1);
        assertThat(sizes(BatchPlanner.plan(rows(10, "d"), ALL, Long.MAX_VALUE, 3))).containsExactly(3, 3, 3, 1);
        assertThat(BatchPlanner.plan(List.of(), ALL, 1000, 3)).isEmpty();
    }

    @Test
    void testByteLimitBoundaries()
    {
        List<WriteRow> rows = rows(10, "x".repeat(100));
        long rowBytes = BatchPlanner.estimatedBytes(rows.getFirst(), ALL);
        long exactlyThree = BatchPlanner.STATEMENT_OVERHEAD_BYTES + 3 * rowBytes;
        assertThat(sizes(BatchPlanner.plan(rows, ALL, exactlyThree, 100))).containsExactly(3, 3, 3, 1);
        assertThat(sizes(BatchPlanner.plan(rows, ALL, exactlyThree - 1, 100))).containsExactly(2, 2, 2, 2, 2);
        // a row larger than the budget travels alone
        assertThat(sizes(BatchPlanner.plan(rows, ALL, 10, 100))).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void testEstimateIsWorstCaseForEscapedText()
    {
        WriteRow row = new WriteRow("ü'", "\"\"\"", "{\"k\":\"\\n\"}", "[1,2,3]");
        assertThat(BatchPlanner.estimatedBytes(row, ALL)).isEqualTo(BatchPlanner.ROW_OVERHEAD_BYTES + 2 * 3 + 2 * 3 + 2 * 10 + 7);
        assertThat(BatchPlanner.estimatedBytes(row, Set.of(Column.METADATA))).isEqualTo(BatchPlanner.ROW_OVERHEAD_BYTES + 2 * 3 + 2 * 10);
        // the rendered statement stays below the estimate
        SqlStatement statement = SqlStatementBuilder.upsert("c$v2$605991322cb843b29205530ae2d2b7c3", List.of(row, row), ALL);
        assertThat((long) MySqlTextRenderer.render(statement).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(BatchPlanner.STATEMENT_OVERHEAD_BYTES + 2 * BatchPlanner.estimatedBytes(row, ALL));
    }

    @Test
    void testKeepsOrder()
    {
        List<WriteRow> rows = rows(7, "d");
        List<List<WriteRow>> batches = BatchPlanner.plan(rows, ALL, Long.MAX_VALUE, 2);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    }

    private static List<WriteRow> rows(int count, String document)
    {
        List<WriteRow> result = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            result.add(new WriteRow("id" + index, document, "{}", "[1,2,3]"));
        }
        return result;
    }

    private static List<Integer> sizes(List<List<WriteRow>> batches)
    {
        return batches.stream().map(List::size).toList();
    }
}
