package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.StatementSplitter.StatementText;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.SetAssignment;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.user.AccountName;
import dev.quiver.sql.user.AccountStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestSqlParser
{
    private final SqlParser parser = new SqlParser("8.0.36-seekdb-v1.4.0.0");

    @Test
    public void testSplitRespectsQuotesBackticksAndComments()
    {
        List<StatementText> statements = parser.split("SELECT ';' AS `a;b`; SELECT \"x;\" -- c;omment\n; /* ; */ SELECT 3 # x;y\n;");
        assertThat(statements).extracting(StatementText::original)
                .containsExactly("SELECT ';' AS `a;b`", "SELECT \"x;\"", "SELECT 3");
    }

    @Test
    public void testSplitKeepsEscapedQuotes()
    {
        assertThat(parser.split("SELECT 'it\\'s;', 'a'';b'; SELECT 2")).extracting(StatementText::original)
                .containsExactly("SELECT 'it\\'s;', 'a'';b'", "SELECT 2");
    }

    @Test
    public void testTrailingSemicolonAndEmptyText()
    {
        assertThat(parser.split("SELECT 1;  \n")).extracting(StatementText::original).containsExactly("SELECT 1");
        assertThat(parser.split("   ")).hasSize(1).allMatch(StatementText::isBlank);
        assertThat(parser.split("SELECT 1;;SELECT 2")).extracting(StatementText::isBlank).containsExactly(false, true, false);
    }

    @Test
    public void testEmptyQuery()
    {
        assertThatThrownBy(() -> parser.parse(parser.split("  ").get(0)))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_EMPTY_QUERY));
        assertThatThrownBy(() -> parser.parseSingle("/* just a comment */"))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_EMPTY_QUERY));
    }

    @Test
    public void testExecutableCommentsKeepTheirContent()
    {
        StatementText text = parser.split("/*!40101 SET NAMES utf8mb4 */").get(0);
        assertThat(text.cleaned()).isEqualTo("SET NAMES utf8mb4");
        assertThat(parser.split("SELECT 1 /*!80000 + 1 */").get(0).cleaned()).isEqualTo("SELECT 1          + 1");
        assertThat(parser.split("SELECT 1 /*!99999 + 1 */").get(0).cleaned()).isEqualTo("SELECT 1");
        StatementText hinted = parser.split("SELECT /*+ BKA(t) */ 1").get(0);
        assertThat(hinted.cleaned().replaceAll(" +", " ")).isEqualTo("SELECT 1");
        assertThat(hinted.cleaned()).hasSameSizeAs(hinted.original());
        assertThat(parser.split("SELECT /*! 2 */").get(0).cleaned()).isEqualTo("SELECT     2");
    }

    @Test
    public void testRewritesKeepLengthAndMeaning()
    {
        assertThat(JSqlParserRewrites.rewrite("SELECT 7 MOD 2, MOD(7, 2), mod").text()).isEqualTo("SELECT 7  %  2, MOD(7, 2), mod");
        assertThat(JSqlParserRewrites.rewrite("SELECT CONVERT(CONVERT(1, CHAR), SIGNED)").text()).isEqualTo("SELECT CAST(CAST(1 AS  CHAR) AS  SIGNED)");
        assertThat(JSqlParserRewrites.rewrite("SELECT CONVERT('a' USING utf8mb4)").text()).isEqualTo("SELECT CONVERT('a' USING utf8mb4)");
        assertThat(parser.split("SELECT 1--1").get(0).cleaned()).isEqualTo("SELECT 1 +1");
        JSqlParserRewrites.Rewritten renamed = JSqlParserRewrites.rewrite("SELECT @v, @`odd name`, @'q', @value := 1");
        assertThat(renamed.text()).isEqualTo("SELECT @a, @z000000001, @z02, @z0003 := 1");
        assertThat(renamed.userVariables()).containsEntry("a", "v").containsEntry("z000000001", "odd name").containsEntry("z02", "q").containsEntry("z0003", "value");
        assertThat(parser.split("SELECT 1 -- 1").get(0).cleaned()).isEqualTo("SELECT 1");
    }

    @Test
    public void testVersionNumber()
    {
        assertThat(SqlParser.versionNumber("8.0.36-seekdb-v1.4.0.0")).isEqualTo(80036);
        assertThat(SqlParser.versionNumber("5.7.9")).isEqualTo(50709);
    }

    @Test
    public void testStringLiteralEscapes()
    {
        assertThat(StringLiterals.unquote("'a\\'b'")).isEqualTo("a'b");
        assertThat(StringLiterals.unquote("'a''b'")).isEqualTo("a'b");
        assertThat(StringLiterals.unquote("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(StringLiterals.unquote("'\\0\\b\\n\\r\\t\\Z\\\\\\x'")).isEqualTo("\0\b\n\r\t\u001a\\x");
        assertThat(StringLiterals.unquote("'\\%\\_'")).isEqualTo("\\%\\_");
        assertThat(StringLiterals.unquoteIdentifier("`a``b`")).isEqualTo("a`b");
    }

    @Test
    public void testParseErrorNamesTheRestAndTheLine()
    {
        assertParseError("SELECT 1 FROM", "FROM", 1);
        assertParseError("SELECT 1,\n  2 +\n  FROM x", "FROM x", 3);
        assertParseError("SELEC 1", "SELEC 1", 1);
        assertParseError("SET @a", "", 1);
        assertParseError("SET autocommit = 1 2", "2", 1);
        assertParseError("SHOW WARNINGS LIMIT x", "x", 1);
        assertParseError("SET x = (1", "", 1);
    }

    @Test
    public void testParseErrorNearIsAtMostEightyCharacters()
    {
        String tail = "x".repeat(100);
        QuiverException error = parseError("SELEC " + tail);
        assertThat(error.getMessage()).contains("near '" + ("SELEC " + tail).substring(0, 80) + "'");
    }

    @Test
    public void testSecondStatementWithoutMultiStatementsIsASyntaxError()
    {
        assertThatThrownBy(() -> parser.parseSingle("SELECT 1; SELECT 2"))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.getMessage()).contains("near 'SELECT 2' at line 1"));
        assertThat(parser.parseSingle("SELECT 1;").statement()).isInstanceOf(Statement.Query.class);
    }

    @Test
    public void testSelectItemNamesAreTheTextAsWritten()
    {
        Statement.Query query = (Statement.Query) parser.parseSingle("select  1+1, @@version_comment ,DATABASE( ) AS db, 'text', (2)").statement();
        assertThat(query.items()).extracting(Statement.SelectItem::name).containsExactly("1+1", "@@version_comment", "db", "text", "(2)");
    }

    @Test
    public void testKeywordFrontStep()
    {
        assertThat(statement("BEGIN")).isEqualTo(new Statement.StartTransaction(Optional.empty(), false));
        assertThat(statement("start transaction read only, with consistent snapshot")).isEqualTo(new Statement.StartTransaction(Optional.of(true), true));
        assertThat(statement("COMMIT WORK")).isEqualTo(new Statement.Commit());
        assertThat(statement("rollback")).isEqualTo(new Statement.Rollback());
        assertThat(statement("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"))
                .isEqualTo(new Statement.SetTransaction(Optional.of(VariableScope.SESSION), Optional.of("READ-COMMITTED"), Optional.empty()));
        assertThat(statement("use `my db`")).isEqualTo(new Statement.Use("my db"));
        assertThat(statement("KILL QUERY 7")).isEqualTo(new Statement.Kill(new Expression.IntegerLiteral(7L), true));
        assertThat(statement("CREATE SCHEMA IF NOT EXISTS d CHARSET utf8mb4"))
                .isEqualTo(new Statement.CreateDatabase("d", true, Optional.of("utf8mb4"), Optional.empty()));
        assertThat(statement("drop database if exists d")).isEqualTo(new Statement.DropDatabase("d", true));
        assertThat(statement("SHOW GLOBAL VARIABLES LIKE 'a%'")).isEqualTo(new Statement.Show(Statement.ShowTarget.VARIABLES, VariableScope.GLOBAL,
                Optional.of(new dev.quiver.sql.tree.ShowFilter.Like("a%"))));
        assertThat(statement("SHOW COUNT(*) WARNINGS")).isEqualTo(new Statement.ShowWarnings(false, true, java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
        assertThat(statement("ALTER TABLE t ADD COLUMN c INT")).isInstanceOf(Statement.AlterTable.class);
        assertThat(statement("RENAME TABLE a TO b")).isEqualTo(new Statement.RenameTables(
                List.of(new dev.quiver.sql.tree.TableName(Optional.empty(), "a")), List.of(new dev.quiver.sql.tree.TableName(Optional.empty(), "b"))));
        assertThat(statement("RENAME USER a TO b")).isEqualTo(new Statement.Account(new AccountStatement.RenameUser(
                List.of(new AccountStatement.UserReference(Optional.of(new AccountName("a", "%")))),
                List.of(new AccountStatement.UserReference(Optional.of(new AccountName("b", "%")))))));
        assertThat(statement("GRANT ALL PRIVILEGES ON *.* TO 'u'@'%'")).isEqualTo(new Statement.Account(new AccountStatement.Grant(
                List.of(new AccountStatement.PrivilegeSpecification(Optional.empty(), List.of())), new AccountStatement.GrantTarget(Optional.of("*"), "*"),
                List.of(new AccountStatement.UserReference(Optional.of(new AccountName("u", "%")))), false)));
        assertThat(statement("GRANT SELECT (a, `b`), CREATE USER ON db.t TO u@localhost, 'v'@'10.0.0.0/255.0.0.0' WITH GRANT OPTION"))
                .isEqualTo(new Statement.Account(new AccountStatement.Grant(
                        List.of(new AccountStatement.PrivilegeSpecification(Optional.of(dev.quiver.sql.security.Privilege.SELECT), List.of("a", "b")),
                                new AccountStatement.PrivilegeSpecification(Optional.of(dev.quiver.sql.security.Privilege.CREATE_USER), List.of())),
                        new AccountStatement.GrantTarget(Optional.of("db"), "t"),
                        List.of(new AccountStatement.UserReference(Optional.of(new AccountName("u", "localhost"))),
                                new AccountStatement.UserReference(Optional.of(new AccountName("v", "10.0.0.0/255.0.0.0")))), true)));
        assertThat(statement("SHOW GRANTS FOR CURRENT_USER()")).isEqualTo(new Statement.Account(new AccountStatement.ShowGrants(
                AccountStatement.UserReference.currentUser())));
        assertThat(statement("SET PASSWORD = 'x'")).isEqualTo(new Statement.Account(new AccountStatement.SetPassword(
                AccountStatement.UserReference.currentUser(), "x")));
        assertThat(statement("REVOKE ALL PRIVILEGES, GRANT OPTION FROM u")).isEqualTo(new Statement.Account(new AccountStatement.Revoke(
                List.of(new AccountStatement.PrivilegeSpecification(Optional.empty(), List.of()),
                        new AccountStatement.PrivilegeSpecification(Optional.of(dev.quiver.sql.security.Privilege.GRANT_OPTION), List.of())),
                Optional.empty(), List.of(new AccountStatement.UserReference(Optional.of(new AccountName("u", "%")))))));
    }

    @Test
    public void testSetForms()
    {
        Statement.SetVariables set = (Statement.SetVariables) statement(
                "set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4 COLLATE utf8mb4_bin, @@global.x = 1, @u := 'v', GLOBAL y = ON, SESSION z = DEFAULT, CHARACTER SET latin1");
        assertThat(set.assignments()).containsExactly(
                new SetAssignment.SystemVariable(VariableScope.DEFAULT, "sql_mode", Optional.of(new Expression.FunctionCall("CONCAT", List.of(
                        new Expression.SystemVariableReference(VariableScope.DEFAULT, "sql_mode"), new Expression.StringLiteral(",STRICT_TRANS_TABLES"))))),
                new SetAssignment.Names(Optional.of("utf8mb4"), Optional.of("utf8mb4_bin")),
                new SetAssignment.SystemVariable(VariableScope.GLOBAL, "x", Optional.of(new Expression.IntegerLiteral(1L))),
                new SetAssignment.UserVariable("u", new Expression.StringLiteral("v")),
                new SetAssignment.SystemVariable(VariableScope.GLOBAL, "y", Optional.of(new Expression.StringLiteral("ON"))),
                new SetAssignment.SystemVariable(VariableScope.SESSION, "z", Optional.empty()),
                new SetAssignment.CharacterSet(Optional.of("latin1")));
    }

    @Test
    public void testLiteralsBecomeExactTypes()
    {
        Statement.Query query = (Statement.Query) statement("SELECT 1, 1.50, 1e3, 18446744073709551615, 'a\\nb', X'41', NULL, TRUE, ?");
        assertThat(query.items()).extracting(Statement.SelectItem::expression).containsExactly(
                new Expression.IntegerLiteral(1L),
                new Expression.DecimalLiteral(new java.math.BigDecimal("1.50")),
                new Expression.DoubleLiteral(1000),
                new Expression.IntegerLiteral(new java.math.BigInteger("18446744073709551615")),
                new Expression.StringLiteral("a\nb"),
                Expression.BinaryLiteral.of(new byte[] {0x41}),
                new Expression.NullLiteral(),
                new Expression.BooleanLiteral(true),
                new Expression.Parameter(0));
    }

    @Test
    public void testParameterCountIgnoresQuotedQuestionMarks()
    {
        assertThat(parser.parseSingle("SELECT ?, '?', `?`, ? /* ? */").parameterCount()).isEqualTo(2);
    }

    @Test
    public void testParsedStatementsAreCached()
    {
        ParsedStatement first = parser.parseSingle("SELECT 42");
        assertThat(parser.parseSingle("SELECT 42")).isSameAs(first);
    }

    private Statement statement(String sql)
    {
        return parser.parseSingle(sql).statement();
    }

    private QuiverException parseError(String sql)
    {
        try {
            parser.parseSingle(sql);
        }
        catch (QuiverException ex) {
            return ex;
        }
        throw new AssertionError("no error for " + sql);
    }

    private void assertParseError(String sql, String near, int line)
    {
        QuiverException error = parseError(sql);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.ER_PARSE_ERROR);
        assertThat(error.getMessage()).isEqualTo(ErrorCode.ER_PARSE_ERROR.format(near, line));
    }
}
