package dev.quiver.sql.parser;

import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.security.Privilege;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.user.AccountName;
import dev.quiver.sql.user.AccountStatement;
import dev.quiver.sql.user.AccountStatement.GrantTarget;
import dev.quiver.sql.user.AccountStatement.PrivilegeSpecification;
import dev.quiver.sql.user.AccountStatement.UserReference;
import dev.quiver.sql.user.AccountStatement.UserSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account statements from tokens: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE and SHOW GRANTS
 * (MySQL 8 syntax; roles, TLS options, resource limits and password policies are not supported).
 */
final class AccountStatementParser
{
    private final TokenCursor cursor;

    private AccountStatementParser(String original, String cleaned, List<Token> tokens)
    {
        this.cursor = new TokenCursor(original, cleaned, tokens, 0)
        {
        };
    }

    /** The statement when the tokens start an account statement, else empty. */
    static Optional<Statement> tryParse(String original, String cleaned, List<Token> tokens)
    {
        Token first = tokens.get(0);
        Token second = tokens.size() > 1 ? tokens.get(1) : first;
        boolean account = first.isWord("GRANT") || first.isWord("REVOKE")
                || ((first.isWord("CREATE") || first.isWord("DROP") || first.isWord("ALTER") || first.isWord("RENAME")) && second.isWord("USER"))
                || (first.isWord("SET") && second.isWord("PASSWORD"))
                || (first.isWord("SHOW") && second.isWord("GRANTS"))
                || (first.isWord("FLUSH") && second.isWord("PRIVILEGES"));
        if (!account) {
            return Optional.empty();
        }
        return Optional.of(new Statement.Account(new AccountStatementParser(original, cleaned, tokens).statement()));
    }

    private AccountStatement statement()
    {
        String first = cursor.next().upper();
        AccountStatement result = switch (first) {
            case "GRANT" -> grant();
            case "REVOKE" -> revoke();
            case "CREATE" -> createUser();
            case "DROP" -> dropUser();
            case "ALTER" -> alterUser();
            case "RENAME" -> renameUser();
            case "SET" -> setPassword();
            case "SHOW" -> showGrants();
            case "FLUSH" -> {
                cursor.expectWord("PRIVILEGES");
                yield new AccountStatement.FlushPrivileges();
            }
            default -> throw cursor.errorHere();
        };
        cursor.expectEnd();
        return result;
    }

    private AccountStatement createUser()
    {
        cursor.expectWord("USER");
        boolean ifNotExists = false;
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("NOT");
            cursor.expectWord("EXISTS");
            ifNotExists = true;
        }
        return new AccountStatement.CreateUser(ifNotExists, specifications());
    }

    private AccountStatement alterUser()
    {
        cursor.expectWord("USER");
        boolean ifExists = ifExists();
        return new AccountStatement.AlterUser(ifExists, specifications());
    }

    private AccountStatement dropUser()
    {
        cursor.expectWord("USER");
        boolean ifExists = ifExists();
        return new AccountStatement.DropUser(ifExists, users());
    }

    private AccountStatement renameUser()
    {
        cursor.expectWord("USER");
        List<UserReference> from = new ArrayList<>();
        List<UserReference> to = new ArrayList<>();
        do {
            from.add(user());
            cursor.expectWord("TO");
            to.add(user());
        }
        while (cursor.acceptSymbol(","));
        return new AccountStatement.RenameUser(from, to);
    }

    private AccountStatement setPassword()
    {
        cursor.expectWord("PASSWORD");
        UserReference user = UserReference.currentUser();
        if (cursor.acceptWord("FOR")) {
            user = user();
        }
        cursor.expectSymbol("=");
        Token password = cursor.expect(TokenType.STRING);
        return new AccountStatement.SetPassword(user, password.value());
    }

    private AccountStatement showGrants()
    {
        cursor.expectWord("GRANTS");
        if (cursor.acceptWord("FOR")) {
            return new AccountStatement.ShowGrants(user());
        }
        return new AccountStatement.ShowGrants(UserReference.currentUser());
    }

    private AccountStatement grant()
    {
        List<PrivilegeSpecification> privileges = privileges();
        cursor.expectWord("ON");
        GrantTarget target = target();
        cursor.expectWord("TO");
        List<UserReference> users = users();
        boolean withGrantOption = false;
        if (cursor.acceptWord("WITH")) {
            cursor.expectWord("GRANT");
            cursor.expectWord("OPTION");
            withGrantOption = true;
        }
        return new AccountStatement.Grant(privileges, target, users, withGrantOption);
    }

    private AccountStatement revoke()
    {
        List<PrivilegeSpecification> privileges = privileges();
        if (cursor.peek().isWord("FROM") && privileges.size() == 2 && privileges.get(0).privilege().isEmpty()
                && privileges.get(1).privilege().equals(Optional.of(Privilege.GRANT_OPTION))) {
            cursor.expectWord("FROM");
            return new AccountStatement.Revoke(privileges, Optional.empty(), users());
        }
        cursor.expectWord("ON");
        GrantTarget target = target();
        cursor.expectWord("FROM");
        return new AccountStatement.Revoke(privileges, Optional.of(target), users());
    }

    private List<PrivilegeSpecification> privileges()
    {
        List<PrivilegeSpecification> result = new ArrayList<>();
        do {
            Token start = cursor.peek();
            if (start.type() != TokenType.WORD) {
                throw cursor.errorHere();
            }
            Optional<Privilege> privilege;
            if (cursor.acceptWord("ALL")) {
                cursor.acceptWord("PRIVILEGES");
                privilege = Optional.empty();
            }
            else {
                StringBuilder name = new StringBuilder(cursor.next().upper());
                if ((name.toString().equals("GRANT") && cursor.peek().isWord("OPTION")) || (name.toString().equals("CREATE") && cursor.peek().isWord("USER"))) {
                    name.append(' ').append(cursor.next().upper());
                }
                String text = name.toString();
                privilege = Privilege.bySqlName(text);
                if (privilege.isEmpty()) {
                    if (!text.equals("USAGE")) {
                        throw new dev.quiver.common.QuiverException(dev.quiver.common.ErrorCode.ER_NOT_SUPPORTED_YET, "the " + text + " privilege");
                    }
                }
            }
            List<String> columns = new ArrayList<>();
            if (cursor.acceptSymbol("(")) {
                do {
                    columns.add(cursor.identifier());
                }
                while (cursor.acceptSymbol(","));
                cursor.expectSymbol(")");
            }
            if (privilege.isPresent() || start.isWord("ALL")) {
                result.add(new PrivilegeSpecification(privilege, columns));
            }
        }
        while (cursor.acceptSymbol(","));
        return result;
    }

    private GrantTarget target()
    {
        cursor.acceptWord("TABLE");
        if (cursor.acceptSymbol("*")) {
            if (cursor.acceptSymbol(".")) {
                cursor.expectSymbol("*");
                return new GrantTarget(Optional.of("*"), "*");
            }
            return new GrantTarget(Optional.empty(), "*");
        }
        String first = cursor.identifier();
        if (cursor.acceptSymbol(".")) {
            if (cursor.acceptSymbol("*")) {
                return new GrantTarget(Optional.of(first), "*");
            }
            return new GrantTarget(Optional.of(first), cursor.identifier());
        }
        return new GrantTarget(Optional.empty(), first);
    }

    private boolean ifExists()
    {
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("EXISTS");
            return true;
        }
        return false;
    }

    private List<UserSpecification> specifications()
    {
        List<UserSpecification> result = new ArrayList<>();
        do {
            UserReference user = user();
            Optional<String> plugin = Optional.empty();
            Optional<String> password = Optional.empty();
            if (cursor.acceptWord("IDENTIFIED")) {
                if (cursor.acceptWord("WITH")) {
                    plugin = Optional.of(cursor.name().toLowerCase(Locale.ROOT));
                }
                if (cursor.acceptWord("BY")) {
                    password = Optional.of(cursor.expect(TokenType.STRING).value());
                }
                else if (plugin.isEmpty()) {
                    throw cursor.errorHere();
                }
            }
            result.add(new UserSpecification(user, plugin, password));
        }
        while (cursor.acceptSymbol(","));
        return result;
    }

    private List<UserReference> users()
    {
        List<UserReference> result = new ArrayList<>();
        do {
            result.add(user());
        }
        while (cursor.acceptSymbol(","));
        return result;
    }

    /** {@code 'u'@'h'}, {@code u@h}, {@code 'u'} (host {@code %}), {@code CURRENT_USER} or {@code CURRENT_USER()}. */
    private UserReference user()
    {
        Token token = cursor.peek();
        if (token.isWord("CURRENT_USER")) {
            cursor.next();
            if (cursor.acceptSymbol("(")) {
                cursor.expectSymbol(")");
            }
            return UserReference.currentUser();
        }
        if (!token.isIdentifier() && token.type() != TokenType.STRING) {
            throw cursor.errorHere();
        }
        String user = cursor.next().value();
        String host = "%";
        if (cursor.peek().type() == TokenType.USER_VARIABLE) {
            host = cursor.next().value();
        }
        else if (cursor.acceptSymbol("@")) {
            Token hostToken = cursor.next();
            host = hostToken.value();
        }
        return new UserReference(Optional.of(new AccountName(user, host)));
    }
}
