package dev.quiver.sql.parser;

import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds INSERT, REPLACE, UPDATE and DELETE statements from JSqlParser's tree. */
final class DmlBuilder
{
    private final ExpressionBuilder expressions;
    private final String original;
    private final String cleaned;

    DmlBuilder(ExpressionBuilder expressions, String original, String cleaned)
    {
        this.expressions = expressions;
        this.original = original;
        this.cleaned = cleaned;
    }

    TableName table(Table table)
    {
        if (table == null || table.getName() == null) {
            throw ParseErrors.at(original, original.length());
        }
        return tableName(table);
    }

    static TableName tableName(Table table)
    {
        Optional<String> database = Optional.ofNullable(table.getSchemaName()).map(StringLiterals::identifier);
        return new TableName(database, StringLiterals.identifier(table.getName()));
    }

    Statement insert(Insert insert)
    {
        if (insert.getWithItemsList() != null && !insert.getWithItemsList().isEmpty()) {
            return new Statement.Unsupported("WITH");
        }
        if (insert.getReturningClause() != null) {
            return new Statement.Unsupported("INSERT ... RETURNING");
        }
        Statement.ConflictAction action = insert.isModifierIgnore() ? Statement.ConflictAction.IGNORE : Statement.ConflictAction.ERROR;
        List<Statement.Assignment> updates = List.of();
        if (insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty()) {
            updates = assignments(insert.getDuplicateUpdateSets());
            // MySQL: with both IGNORE and ON DUPLICATE KEY UPDATE, the update wins for duplicate keys
            action = Statement.ConflictAction.UPDATE;
        }
        return rows(table(insert.getTable()), insert.getColumns(), insert.getSelect(), insert.isUseSet() ? insert.getSetUpdateSets() : null, action, updates);
    }

    Statement upsert(Upsert upsert)
    {
        if (upsert.getUpsertType() != UpsertType.REPLACE && upsert.getUpsertType() != UpsertType.REPLACE_SET) {
            return new Statement.Unsupported(String.valueOf(upsert.getUpsertType()));
        }
        List<UpdateSet> sets = upsert.getSelect() == null ? upsert.getUpdateSets() : null;
        return rows(table(upsert.getTable()), upsert.getColumns(), upsert.getSelect(), sets, Statement.ConflictAction.REPLACE, List.of());
    }

    private Statement rows(TableName table, ExpressionList<Column> columnList, Select select, List<UpdateSet> sets, Statement.ConflictAction action, List<Statement.Assignment> updates)
    {
        List<String> columns = new ArrayList<>();
        List<List<Expression>> rows = new ArrayList<>();
        Optional<Statement.TableQuery> query = Optional.empty();
        Optional<String> rowAlias = Optional.empty();
        List<String> aliasColumns = new ArrayList<>();
        if (columnList != null) {
            for (Column each : columnList) {
                columns.add(StringLiterals.identifier(each.getColumnName()));
            }
        }
        if (sets != null) {
            List<Expression> row = new ArrayList<>();
            for (Statement.Assignment each : assignments(sets)) {
                columns.add(each.column());
                row.add(each.value());
            }
            rows.add(row);
        }
        else if (select instanceof Values values) {
            ExpressionList<?> list = values.getExpressions();
            if (list instanceof ParenthesedExpressionList<?> single) {
                rows.add(expressions.buildAll(single));
            }
            else {
                for (Object each : list) {
                    if (each instanceof ParenthesedExpressionList<?> row) {
                        rows.add(expressions.buildAll(row));
                    }
                    else if (each instanceof ExpressionList<?> row) {
                        rows.add(expressions.buildAll(row));
                    }
                    else {
                        rows.add(List.of(expressions.build((net.sf.jsqlparser.expression.Expression) each)));
                    }
                }
            }
            Alias alias = values.getAlias();
            if (alias != null) {
                rowAlias = Optional.of(StringLiterals.identifier(alias.getName()));
                if (alias.getAliasColumns() != null) {
                    for (Alias.AliasColumn each : alias.getAliasColumns()) {
                        aliasColumns.add(StringLiterals.identifier(each.name));
                    }
                }
            }
        }
        else if (select instanceof PlainSelect plain) {
            Statement built = QueryBuilder.build(plain, original, cleaned, expressions);
            if (!(built instanceof Statement.TableQuery tableQuery)) {
                return built instanceof Statement.Unsupported ? built : new Statement.Unsupported("INSERT ... SELECT without a table");
            }
            query = Optional.of(tableQuery);
        }
        else {
            return new Statement.Unsupported("INSERT with this kind of query");
        }
        return new Statement.Insert(table, columns, rows, query, action, updates, rowAlias, aliasColumns);
    }

    Statement update(Update update)
    {
        if ((update.getJoins() != null && !update.getJoins().isEmpty()) || (update.getStartJoins() != null && !update.getStartJoins().isEmpty())
                || update.getFromItem() != null) {
            return new Statement.Unsupported("multi-table UPDATE");
        }
        if (update.getWithItemsList() != null && !update.getWithItemsList().isEmpty()) {
            return new Statement.Unsupported("WITH");
        }
        return new Statement.Update(table(update.getTable()), assignments(update.getUpdateSets()),
                Optional.ofNullable(update.getWhere()).map(expressions::build), order(update.getOrderByElements()), limit(update.getLimit()));
    }

    Statement delete(Delete delete)
    {
        if ((delete.getTables() != null && !delete.getTables().isEmpty()) || (delete.getJoins() != null && !delete.getJoins().isEmpty())
                || (delete.getUsingList() != null && !delete.getUsingList().isEmpty())) {
            return new Statement.Unsupported("multi-table DELETE");
        }
        return new Statement.Delete(table(delete.getTable()), Optional.ofNullable(delete.getWhere()).map(expressions::build),
                order(delete.getOrderByElements()), limit(delete.getLimit()));
    }

    private Optional<Expression> limit(Limit limit)
    {
        if (limit == null || limit.getRowCount() == null) {
            return Optional.empty();
        }
        if (limit.getOffset() != null) {
            // UPDATE/DELETE take LIMIT row_count only
            throw ParseErrors.at(original, cleaned.lastIndexOf(','));
        }
        return Optional.of(expressions.build(limit.getRowCount()));
    }

    List<Statement.OrderItem> order(List<OrderByElement> elements)
    {
        List<Statement.OrderItem> result = new ArrayList<>();
        if (elements != null) {
            for (OrderByElement each : elements) {
                result.add(new Statement.OrderItem(expressions.build(each.getExpression()), each.isAsc()));
            }
        }
        return result;
    }

    private List<Statement.Assignment> assignments(List<UpdateSet> sets)
    {
        List<Statement.Assignment> result = new ArrayList<>();
        for (UpdateSet set : sets) {
            if (set.getColumns().size() != set.getValues().size()) {
                throw ParseErrors.at(original, 0);
            }
            for (int i = 0; i < set.getColumns().size(); i++) {
                Column column = set.getColumns().get(i);
                result.add(new Statement.Assignment(StringLiterals.identifier(column.getColumnName()), expressions.build(set.getValues().get(i))));
            }
        }
        return result;
    }
}
