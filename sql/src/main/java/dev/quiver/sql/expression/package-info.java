/**
 * Expression semantics: static types ({@link dev.quiver.sql.expression.ExpressionTypes}), evaluation
 * ({@link dev.quiver.sql.expression.ExpressionEvaluator}), MySQL's value conversions
 * ({@link dev.quiver.sql.expression.Values}, {@link dev.quiver.sql.expression.Casts}) and the built-in functions.
 * Column references resolve through {@link dev.quiver.sql.expression.EvaluationContext}, the seam for table rows.
 */
package dev.quiver.sql.expression;
