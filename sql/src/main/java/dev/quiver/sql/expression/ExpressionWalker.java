package dev.quiver.sql.expression;

import dev.quiver.sql.tree.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Visits and rewrites expression trees: the direct children of a node, a bottom-up rewrite, and searches for
 * aggregates and column references. A subquery's body is not entered (its names belong to its own scope).
 */
public final class ExpressionWalker
{
    private ExpressionWalker()
    {
    }

    /** The direct sub-expressions of a node, in evaluation order. */
    public static List<Expression> children(Expression expression)
    {
        return switch (expression) {
            case Expression.UserVariableAssignment assignment -> List.of(assignment.value());
            case Expression.Arithmetic arithmetic -> List.of(arithmetic.left(), arithmetic.right());
            case Expression.Negation negation -> List.of(negation.value());
            case Expression.BitwiseNot not -> List.of(not.value());
            case Expression.Comparison comparison -> List.of(comparison.left(), comparison.right());
            case Expression.Logical logical -> List.of(logical.left(), logical.right());
            case Expression.Not not -> List.of(not.value());
            case Expression.IsNull isNull -> List.of(isNull.value());
            case Expression.IsBoolean isBoolean -> List.of(isBoolean.value());
            case Expression.InList in -> {
                List<Expression> result = new ArrayList<>();
                result.add(in.value());
                result.addAll(in.list());
                yield result;
            }
            case Expression.Between between -> List.of(between.value(), between.low(), between.high());
            case Expression.Like like -> {
                List<Expression> result = new ArrayList<>(List.of(like.value(), like.pattern()));
                like.escape().ifPresent(result::add);
                yield result;
            }
            case Expression.Case caseExpression -> {
                List<Expression> result = new ArrayList<>();
                caseExpression.operand().ifPresent(result::add);
                for (Expression.WhenClause each : caseExpression.whenClauses()) {
                    result.add(each.condition());
                    result.add(each.result());
                }
                caseExpression.otherwise().ifPresent(result::add);
                yield result;
            }
            case Expression.FunctionCall call -> call.arguments();
            case Expression.Cast cast -> List.of(cast.value());
            case Expression.Aggregate aggregate -> aggregate.argument().map(List::of).orElse(List.of());
            case Expression.Subquery subquery -> subquery.value().map(List::of).orElse(List.of());
            default -> List.of();
        };
    }

    /** Rewrites bottom-up: {@code function} sees each node after its children were rewritten; returning the node keeps it. */
    public static Expression rewrite(Expression expression, Function<Expression, Expression> function)
    {
        Function<Expression, Expression> r = each -> rewrite(each, function);
        Expression rebuilt = switch (expression) {
            case Expression.UserVariableAssignment assignment -> new Expression.UserVariableAssignment(assignment.name(), r.apply(assignment.value()));
            case Expression.Arithmetic arithmetic -> new Expression.Arithmetic(arithmetic.operator(), r.apply(arithmetic.left()), r.apply(arithmetic.right()));
            case Expression.Negation negation -> new Expression.Negation(r.apply(negation.value()));
            case Expression.BitwiseNot not -> new Expression.BitwiseNot(r.apply(not.value()));
            case Expression.Comparison comparison -> new Expression.Comparison(comparison.operator(), r.apply(comparison.left()), r.apply(comparison.right()));
            case Expression.Logical logical -> new Expression.Logical(logical.operator(), r.apply(logical.left()), r.apply(logical.right()));
            case Expression.Not not -> new Expression.Not(r.apply(not.value()));
            case Expression.IsNull isNull -> new Expression.IsNull(r.apply(isNull.value()), isNull.negated());
            case Expression.IsBoolean isBoolean -> new Expression.IsBoolean(r.apply(isBoolean.value()), isBoolean.truth(), isBoolean.negated());
            case Expression.InList in -> new Expression.InList(r.apply(in.value()), in.list().stream().map(r).toList(), in.negated());
            case Expression.Between between -> new Expression.Between(r.apply(between.value()), r.apply(between.low()), r.apply(between.high()), between.negated());
            case Expression.Like like -> new Expression.Like(r.apply(like.value()), r.apply(like.pattern()), like.escape().map(r), like.negated());
            case Expression.Case caseExpression -> new Expression.Case(
                    caseExpression.operand().map(r),
                    caseExpression.whenClauses().stream().map(each -> new Expression.WhenClause(r.apply(each.condition()), r.apply(each.result()))).toList(),
                    caseExpression.otherwise().map(r));
            case Expression.FunctionCall call -> new Expression.FunctionCall(call.name(), call.arguments().stream().map(r).toList());
            case Expression.Cast cast -> new Expression.Cast(r.apply(cast.value()), cast.target());
            case Expression.Aggregate aggregate -> new Expression.Aggregate(aggregate.kind(), aggregate.name(), aggregate.argument().map(r), aggregate.distinct());
            case Expression.Subquery subquery -> new Expression.Subquery(subquery.kind(), subquery.value().map(r), subquery.query(), subquery.negated());
            default -> expression;
        };
        return function.apply(rebuilt.equals(expression) ? expression : rebuilt);
    }

    /** Visits every node top-down, not entering aggregates when {@code intoAggregates} is false. */
    public static void visit(Expression expression, boolean intoAggregates, Consumer<Expression> visitor)
    {
        visitor.accept(expression);
        if (!intoAggregates && expression instanceof Expression.Aggregate) {
            return;
        }
        for (Expression each : children(expression)) {
            visit(each, intoAggregates, visitor);
        }
    }

    /** The outermost aggregates of an expression, in order of appearance. */
    public static List<Expression.Aggregate> aggregates(Expression expression)
    {
        List<Expression.Aggregate> result = new ArrayList<>();
        visit(expression, false, each -> {
            if (each instanceof Expression.Aggregate aggregate) {
                result.add(aggregate);
            }
        });
        return result;
    }

    public static boolean containsAggregate(Expression expression)
    {
        return !aggregates(expression).isEmpty();
    }

    /** The first aggregate nested inside an aggregate's argument (MySQL answers 1111 for it). */
    public static Optional<Expression.Aggregate> nestedAggregate(Expression expression)
    {
        for (Expression.Aggregate each : aggregates(expression)) {
            if (each.argument().isPresent() && containsAggregate(each.argument().get())) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** The column references outside aggregates. */
    public static List<Expression.ColumnReference> columnsOutsideAggregates(Expression expression)
    {
        List<Expression.ColumnReference> result = new ArrayList<>();
        visit(expression, false, each -> {
            if (each instanceof Expression.ColumnReference column) {
                result.add(column);
            }
        });
        return result;
    }

    public static boolean containsSubquery(Expression expression)
    {
        boolean[] found = {false};
        visit(expression, true, each -> found[0] |= each instanceof Expression.Subquery);
        return found[0];
    }
}
