package dev.quiver.it.client;

import dev.quiver.client.AccessDeniedException;
import dev.quiver.client.Collection;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.SeekdbClient;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.quiver.it.client.TestSeekdbJsSdk.assertSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user with only SELECT reads collections but cannot write them: {@code upsert} (and {@code add})
 * fail with MySQL's 1142 from both the Java client and the seekdb JS SDK, and nothing is written.
 */
class TestCollectionPrivileges
{
    @Test
    void testSelectOnlyUserCannotUpsert()
            throws SQLException
    {
        try (TestingServer server = TestingServer.start();
                SeekdbClient root = ClientFixtures.client(server)) {
            Collection collection = root.createCollection("guarded", CollectionConfiguration.builder().dimension(2).build());
            collection.add(List.of("a"), List.of(new float[] {1, 0}), List.of("root's row"), null);
            try (Connection connection = DriverManager.getConnection(server.mariadbUrl(""), "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-pw'");
                statement.execute("GRANT SELECT ON test.* TO 'reader'@'%'");
            }

            try (SeekdbClient reader = ClientFixtures.client(server, "reader", "reader-pw")) {
                Collection readable = reader.getCollection("guarded");
                assertThat(readable.count()).isEqualTo(1);
                assertThatThrownBy(() -> readable.upsert(List.of("new", "a"), List.of(new float[] {1, 1}, new float[] {0, 1}), null, null))
                        .isInstanceOfSatisfying(AccessDeniedException.class, ex -> {
                            assertThat(ex.errorCode()).isEqualTo(1142);
                            assertThat(ex.sqlState()).contains("42000");
                        })
                        .hasMessageContaining("command denied to user 'reader'@");
                assertThatThrownBy(() -> readable.update(List.of("a"), null, List.of("changed"), null))
                        .isInstanceOfSatisfying(AccessDeniedException.class, ex -> assertThat(ex.errorCode()).isEqualTo(1142));
                assertThatThrownBy(() -> readable.delete(List.of("a")))
                        .isInstanceOfSatisfying(AccessDeniedException.class, ex -> assertThat(ex.errorCode()).isEqualTo(1142));
            }

            assertSteps(SeekdbJsSdk.runAs(server, "reader", "reader-pw", "upsert-denied", "guarded"), """
                    {"name":"count-before","value":1}
                    {"name":"upsert","error":{"errno":1142,"sqlState":"42000","message":"INSERT command denied to user 'reader'@…
                    {"name":"add","error":{"errno":1142,"sqlState":"42000","message":"INSERT command denied to user 'reader'@…
                    {"name":"count-after","value":1}
                    {"name":"get","value":[["a",[1,0]]]}
                    """);
            assertThat(collection.count()).isEqualTo(1);
            assertThat(collection.get("a").documents()).containsExactly("root's row");
            assertThat(collection.get("a").embeddings().getFirst()).containsExactly(1, 0);
        }
    }
}
