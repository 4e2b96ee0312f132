package dev.quiver.it.client;

import dev.quiver.client.SeekdbClient;
import dev.quiver.it.testing.TestingServer;
import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;

import java.sql.SQLException;

/** Java clients of a {@link TestingServer}. */
final class ClientFixtures
{
    private ClientFixtures() {}

    /** A client logged in as root to database {@code test}, built as the README shows. */
    static SeekdbClient client(TestingServer server)
    {
        return SeekdbClient.builder().host("127.0.0.1").port(server.port()).user("root").password("").database("test").build();
    }

    /** A client logged in as {@code user}. */
    static SeekdbClient client(TestingServer server, String user, String password)
    {
        return SeekdbClient.builder().host("127.0.0.1").port(server.port()).user(user).password(password).database("test").build();
    }

    /** MariaDB Connector/J's own data source, logged in as root. */
    static DataSource dataSource(TestingServer server)
    {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(server.mariadbUrl(""));
            dataSource.setUser("root");
            dataSource.setPassword("");
            return dataSource;
        }
        catch (SQLException ex) {
            throw new AssertionError(ex);
        }
    }
}
