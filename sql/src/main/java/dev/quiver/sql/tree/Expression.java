package dev.quiver.sql.tree;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An unbound, immutable SQL expression as written. The parser builds these from JSqlParser's mutable AST;
 * the analyzer infers their types and the evaluator computes them.
 */
public sealed interface Expression
{
    /** The first part of the column reference that {@code VALUES(col)} of ON DUPLICATE KEY UPDATE is built as. */
    String INSERT_VALUES = "\0VALUES";

    record NullLiteral()
            implements Expression {}

    record BooleanLiteral(boolean value)
            implements Expression {}

    /** An integer literal: {@link Long}, or {@link java.math.BigInteger} above {@code Long.MAX_VALUE}. */
    record IntegerLiteral(Number value)
            implements Expression
    {
        public IntegerLiteral
        {
            requireNonNull(value, "value is null");
        }
    }

    /** An exact literal with a fractional part ({@code 1.50}), keeping its scale. */
    record DecimalLiteral(BigDecimal value)
            implements Expression
    {
        public DecimalLiteral
        {
            requireNonNull(value, "value is null");
        }
    }

    /** An approximate literal ({@code 1e3}). */
    record DoubleLiteral(double value)
            implements Expression {}

    /** A character string literal, escapes already resolved. */
    record StringLiteral(String value)
            implements Expression
    {
        public StringLiteral
        {
            requireNonNull(value, "value is null");
        }
    }

    /** A binary string literal: {@code X'41'}, {@code 0x41}, {@code _binary'a'}. */
    record BinaryLiteral(List<Byte> bytes)
            implements Expression
    {
        public BinaryLiteral
        {
            bytes = List.copyOf(requireNonNull(bytes, "bytes is null"));
        }

        public static BinaryLiteral of(byte[] value)
        {
            Byte[] boxed = new Byte[value.length];
            for (int i = 0; i < value.length; i++) {
                boxed[i] = value[i];
            }
            return new BinaryLiteral(List.of(boxed));
        }

        public byte[] toByteArray()
        {
            byte[] result = new byte[bytes.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = bytes.get(i);
            }
            return result;
        }
    }

    /** The {@code index}-th (0-based) {@code ?} placeholder of a prepared statement. */
    record Parameter(int index)
            implements Expression {}

    record SystemVariableReference(VariableScope scope, String name)
            implements Expression
    {
        public SystemVariableReference
        {
            requireNonNull(scope, "scope is null");
            requireNonNull(name, "name is null");
        }
    }

    record UserVariableReference(String name)
            implements Expression
    {
        public UserVariableReference
        {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code @name := value} inside an expression. */
    record UserVariableAssignment(String name, Expression value)
            implements Expression
    {
        public UserVariableAssignment
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A (possibly qualified) column name: {@code a}, {@code t.a}, {@code db.t.a}. */
    record ColumnReference(List<String> parts)
            implements Expression
    {
        public ColumnReference
        {
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
        }

        public String name()
        {
            return parts.get(parts.size() - 1);
        }
    }

    enum ArithmeticOperator
    {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), INTEGER_DIVIDE("DIV"), MODULUS("%");

        private final String symbol;

        ArithmeticOperator(String symbol)
        {
            this.symbol = symbol;
        }

        public String symbol()
        {
            return symbol;
        }
    }

    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right)
            implements Expression
    {
        public Arithmetic
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Negation(Expression value)
            implements Expression
    {
        public Negation
        {
            requireNonNull(value, "value is null");
        }
    }

    record BitwiseNot(Expression value)
            implements Expression
    {
        public BitwiseNot
        {
            requireNonNull(value, "value is null");
        }
    }

    enum ComparisonOperator
    {
        EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, NULL_SAFE_EQUAL;

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public ComparisonOperator mirrored()
        {
            return switch (this) {
                case LESS_THAN -> GREATER_THAN;
                case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
                case GREATER_THAN -> LESS_THAN;
                case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
                default -> this;
            };
        }
    }

    record Comparison(ComparisonOperator operator, Expression left, Expression right)
            implements Expression
    {
        public Comparison
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    enum LogicalOperator
    {
        AND, OR, XOR
    }

    record Logical(LogicalOperator operator, Expression left, Expression right)
            implements Expression
    {
        public Logical
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Not(Expression value)
            implements Expression
    {
        public Not
        {
            requireNonNull(value, "value is null");
        }
    }

    record IsNull(Expression value, boolean negated)
            implements Expression
    {
        public IsNull
        {
            requireNonNull(value, "value is null");
        }
    }

    /** {@code x IS [NOT] TRUE|FALSE}. */
    record IsBoolean(Expression value, boolean truth, boolean negated)
            implements Expression
    {
        public IsBoolean
        {
            requireNonNull(value, "value is null");
        }
    }

    record InList(Expression value, List<Expression> list, boolean negated)
            implements Expression
    {
        public InList
        {
            requireNonNull(value, "value is null");
            list = List.copyOf(requireNonNull(list, "list is null"));
        }
    }

    record Between(Expression value, Expression low, Expression high, boolean negated)
            implements Expression
    {
        public Between
        {
            requireNonNull(value, "value is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    record Like(Expression value, Expression pattern, Optional<Expression> escape, boolean negated)
            implements Expression
    {
        public Like
        {
            requireNonNull(value, "value is null");
            requireNonNull(pattern, "pattern is null");
            requireNonNull(escape, "escape is null");
        }
    }

    record WhenClause(Expression condition, Expression result)
    {
        public WhenClause
        {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    /** {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}. */
    record Case(Optional<Expression> operand, List<WhenClause> whenClauses, Optional<Expression> otherwise)
            implements Expression
    {
        public Case
        {
            requireNonNull(operand, "operand is null");
            whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
            requireNonNull(otherwise, "otherwise is null");
        }
    }

    /** A function call; the name is as written (MySQL's messages quote it so), looked up case-insensitively. */
    record FunctionCall(String name, List<Expression> arguments)
            implements Expression
    {
        public FunctionCall
        {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        }
    }

    record Cast(Expression value, CastTarget target)
            implements Expression
    {
        public Cast
        {
            requireNonNull(value, "value is null");
            requireNonNull(target, "target is null");
        }
    }

    enum AggregateKind
    {
        COUNT, SUM, AVG, MIN, MAX
    }

    /**
     * An aggregate function; {@code COUNT(*)} has no argument. {@code name} is as written (messages quote it so).
     * Records compare by value, so the same aggregate written twice is computed once per group.
     */
    record Aggregate(AggregateKind kind, String name, Optional<Expression> argument, boolean distinct)
            implements Expression
    {
        public Aggregate
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
            requireNonNull(argument, "argument is null");
        }

        public boolean isCountStar()
        {
            return kind == AggregateKind.COUNT && argument.isEmpty();
        }
    }

    /** A subquery as a value: {@code (SELECT ...)} (scalar), {@code EXISTS (SELECT ...)}, {@code x [NOT] IN (SELECT ...)}. */
    record Subquery(SubqueryKind kind, Optional<Expression> value, Statement query, boolean negated)
            implements Expression
    {
        public Subquery
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(value, "value is null");
            requireNonNull(query, "query is null");
        }
    }

    enum SubqueryKind
    {
        SCALAR, EXISTS, IN
    }
}
