package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;

import java.util.Optional;
import java.util.Set;

/**
 * Table options on the statement parser's cursor: the option list after CREATE TABLE's elements (only COMMENT is
 * kept; CREATE TABLE ... SELECT and PARTITION BY are refused) and the options ALTER TABLE accepts and ignores.
 */
final class TableOptionParser
{
    private static final Set<String> ACCEPTED_TABLE_OPTIONS = Set.of("ENGINE", "CHARSET", "COLLATE", "ROW_FORMAT", "ALGORITHM", "LOCK",
            "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "PACK_KEYS", "CHECKSUM", "DELAY_KEY_WRITE", "KEY_BLOCK_SIZE",
            "COMPRESSION", "ORGANIZATION", "AVG_ROW_LENGTH");

    private final TokenCursor cursor;

    TableOptionParser(TokenCursor cursor)
    {
        this.cursor = cursor;
    }

    /** Table options that change nothing Quiver keeps: ENGINE, [DEFAULT] CHARSET / CHARACTER SET / COLLATE, ROW_FORMAT, ALGORITHM, LOCK, ... */
    boolean isAcceptedTableOption()
    {
        int at = cursor.peek().isWord("DEFAULT") ? 1 : 0;
        Token word = cursor.peek(at);
        if (word.isWord("CHARACTER") && cursor.peek(at + 1).isWord("SET")) {
            return true;
        }
        return word.type() == TokenType.WORD && ACCEPTED_TABLE_OPTIONS.contains(word.upper());
    }

    void skipTableOption()
    {
        cursor.acceptWord("DEFAULT");
        if (cursor.acceptWord("CHARACTER")) {
            cursor.expectWord("SET");
        }
        else {
            cursor.next();
        }
        cursor.acceptSymbol("=");
        Token value = cursor.next();
        if (value.type() == TokenType.END || value.type() == TokenType.SYMBOL) {
            throw ParseErrors.at(cursor.original, value.start());
        }
    }

    /** Table options: ENGINE, [DEFAULT] CHARSET / CHARACTER SET / COLLATE, COMMENT, ORGANIZATION, AUTO_INCREMENT, ... */
    Optional<String> tableOptions()
    {
        Optional<String> comment = Optional.empty();
        while (cursor.peek().type() != TokenType.END) {
            cursor.acceptSymbol(",");
            if (cursor.peek().isWord("SELECT") || cursor.peek().isWord("AS") || cursor.peek().isWord("IGNORE") || cursor.peek().isWord("REPLACE") || cursor.peek().isSymbol("(")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "CREATE TABLE ... SELECT");
            }
            if (cursor.peek().isWord("PARTITION")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "PARTITION BY");
            }
            cursor.acceptWord("DEFAULT");
            if (cursor.acceptWord("COMMENT")) {
                cursor.acceptSymbol("=");
                comment = Optional.of(cursor.expect(TokenType.STRING).value());
                continue;
            }
            if (cursor.peek().isWord("CHARACTER")) {
                cursor.next();
                cursor.expectWord("SET");
            }
            else if (cursor.peek().type() == TokenType.WORD) {
                cursor.next();
            }
            else {
                throw cursor.errorHere();
            }
            cursor.acceptSymbol("=");
            Token value = cursor.next();
            if (value.type() == TokenType.END || value.type() == TokenType.SYMBOL) {
                throw ParseErrors.at(cursor.original, value.start());
            }
        }
        return comment;
    }
}
