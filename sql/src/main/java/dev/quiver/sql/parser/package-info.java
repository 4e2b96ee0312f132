/**
 * The parser front step: {@link dev.quiver.sql.parser.StatementSplitter} (statements, comments, executable
 * comments), {@link dev.quiver.sql.parser.FrontParser} (the keyword statements JSqlParser lacks), JSqlParser for the
 * rest, and the builders that turn its mutable AST into the immutable {@link dev.quiver.sql.tree} form, cached by
 * text in {@link dev.quiver.sql.parser.SqlParser}. JSqlParser types never leave this package and the analyzer.
 */
package dev.quiver.sql.parser;
