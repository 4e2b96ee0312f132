package dev.quiver.sql.execution;

import dev.quiver.sql.analyzer.QueryAnalysis;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code SELECT DBMS_HYBRID_SEARCH.SEARCH(table, @param)}, a query without a FROM clause: one hybrid search per call
 * ({@code Table.hybridSearch}), its fused hits as a JSON array of the rows' columns plus {@code _score}.
 */
final class HybridSearchQuery
{
    private final StorageEngine storage;
    private final AccessControl accessControl;

    HybridSearchQuery(StorageEngine storage, AccessControl accessControl)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
    }

    static boolean handles(Statement.Query query)
    {
        return query.items().stream().anyMatch(each -> SearchCalls.containsCall(each.expression(), SearchFunctions.HYBRID_SEARCH));
    }

    QueryResult query(QueryAnalysis analysis, ExecutionContext context)
    {
        Statement.Query query = analysis.query();
        RelationScope scope = new RelationScope(List.of(), Set.of(), null, "field list");
        for (Statement.SelectItem item : query.items()) {
            for (Expression.FunctionCall call : SearchCalls.calls(item.expression(), SearchFunctions.HYBRID_SEARCH)) {
                Object tableName = ExpressionEvaluator.evaluate(call.arguments().get(0), context);
                Object parameters = ExpressionEvaluator.evaluate(call.arguments().get(1), context);
                String json = tableName == null || parameters == null ? null : hybridJson(Values.text(tableName), Values.text(parameters), context);
                scope.publish(call, -1, row -> json);
            }
        }
        ExecutionContext scoped = context.withScope(scope);
        boolean selected = query.where().map(where -> ExpressionEvaluator.isTrue(where, scoped)).orElse(true);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<Object[]> rows = List.of();
        if (selected && limit > 0 && offset == 0) {
            Object[] row = new Object[query.items().size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Casts.coerce(ExpressionEvaluator.evaluate(query.items().get(i).expression(), scoped), analysis.types().get(i), context::addWarning);
            }
            rows = List.<Object[]>of(row);
        }
        context.session().setFoundRows(rows.size());
        return new RowsResult(analysis.columns(), RowCursor.of(rows));
    }

    private String hybridJson(String tableName, String parameters, ExecutionContext context)
    {
        String database = TableValues.database(new dev.quiver.sql.tree.TableName(Optional.empty(), tableName), context.session());
        Table table = storage.table(database, tableName);
        TableDefinition definition = table.definition();
        accessControl.checkCanSelect(context.session().identity(), database, definition.name(), definition.columns().stream().map(ColumnDefinition::name).toList());
        SearchResult result = table.hybridSearch(HybridParameters.request(parameters, definition, SearchCalls.efSearch(context), Long.MAX_VALUE));
        context.session().addRowsExamined(result.rowsExamined());
        StringBuilder json = new StringBuilder("[");
        for (ScoredRow each : result.rows()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < definition.columns().size(); i++) {
                Value value = each.row().get(i);
                fields.put(definition.columns().get(i).name(), HybridParameters.jsonValue(value));
            }
            fields.put("_score", HybridParameters.jsonNumber(each.score()));
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (!first) {
                    json.append(", ");
                }
                first = false;
                json.append(HybridParameters.jsonString(field.getKey())).append(": ").append(field.getValue());
            }
            json.append('}');
        }
        return json.append(']').toString();
    }
}
