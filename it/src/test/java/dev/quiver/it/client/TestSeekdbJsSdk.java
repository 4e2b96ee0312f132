package dev.quiver.it.client;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official seekdb JS SDK (npm {@code seekdb} 1.4.0, unmodified, through Node) against Quiver: each
 * test runs one scenario of {@code it/src/test/node/seekdb-sdk.mjs} and compares every step's result.
 * The SQL it sends is specified in {@code reference/seekdb-js.md}.
 */
class TestSeekdbJsSdk
{
    private static TestingServer server;

    @BeforeAll
    static void startServer()
    {
        server = TestingServer.start();
    }

    @AfterAll
    static void stopServer()
    {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testCollections()
    {
        assertSteps("collections", """
                {"name":"has-before","value":false}
                {"name":"get-missing","error":{"errno":null,"sqlState":null,"message":"Collection not found: sdk_life"}}
                {"name":"create","value":3}
                {"name":"create-again","error":{"errno":null,"sqlState":null,"message":"Failed to insert collection metadata: Duplicate entry 'sdk_life' for key 'sdk_collections.idx_name'"}}
                {"name":"has","value":true}
                {"name":"get","value":["sdk_life",3,"l2",true]}
                {"name":"get-or-create-existing","value":"l2"}
                {"name":"get-or-create-new","value":[2,"inner_product"]}
                {"name":"list","value":["sdk_life","sdk_other"]}
                {"name":"count-collections","value":0}
                {"name":"describe","value":{"dimension":3,"distance":"l2","name":"sdk_life"}}
                {"name":"legacy-table","value":null}
                {"name":"legacy-has","value":true}
                {"name":"legacy-get","value":[2,"l2",[["x","old",null,[1,2]]]]}
                {"name":"legacy-list","value":["sdk_legacy","sdk_life","sdk_other"]}
                {"name":"legacy-delete","value":null}
                {"name":"delete","value":null}
                {"name":"delete-other","value":null}
                {"name":"delete-missing","error":{"errno":null,"sqlState":null,"message":"Collection not found: sdk_life"}}
                {"name":"has-after","value":false}
                {"name":"list-after","value":[]}
                """);
    }

    @Test
    void testWrites()
    {
        assertSteps("writes", """
                {"name":"add","value":null}
                {"name":"add-duplicate","error":{"errno":1062,"sqlState":"23000","message":"Duplicate entry 'a' for key '…
                {"name":"count","value":3}
                {"name":"get-ids","value":[["a","apple banana",{"category":"fruit","score":95,"tag":"x"},[1,0,0]],["b","it's a \\"quoted\\" doc\\nwith newline \\\\ and backslash",{"category":"misc","nested":{"k":"v"},"score":80},[0,1,0]]]}
                {"name":"get-include","value":[["a",{"category":"fruit","score":95,"tag":"x"}]]}
                {"name":"get-ids-only","value":[["a"],["b"],["c"]]}
                {"name":"get-limit","value":2}
                {"name":"get-limit-offset","value":2}
                {"name":"get-limit-zero","value":0}
                {"name":"peek","value":2}
                {"name":"add-single","value":null}
                {"name":"get-single","value":[["e",null,null,[0.5,0.5,0]]]}
                {"name":"update-metadata","value":null}
                {"name":"update-document","value":null}
                {"name":"update-missing","value":null}
                {"name":"after-update","value":[["a","apple banana",{"category":"fruit","score":99,"tag":"z"},[1,0,0]],["e","eggplant",null,[0.5,0.5,0]]]}
                {"name":"upsert-new-and-existing","value":null}
                {"name":"upsert-metadata-only","value":null}
                {"name":"upsert-new-without-vector","error":{"errno":null,"sqlState":null,"message":"Either embeddings or documents must be provided"}}
                {"name":"after-upsert","value":[["b","b updated",{"category":"misc","score":81},[0,2,0]],["c","cherry durian",{"category":"fruit","score":90},[0,0,1]],["d","date",{"category":"fruit","score":70},[0.9,0.1,0]]]}
                {"name":"count-after-upsert","value":5}
                {"name":"delete-ids","value":null}
                {"name":"after-delete","value":[["a"],["c"],["d"]]}
                {"name":"delete-nothing-given","error":{"errno":null,"sqlState":null,"message":"At least one of ids, where, or whereDocument must be provided"}}
                {"name":"refresh-index","value":null}
                """);
    }

    @Test
    void testMetadataAndRegexFilters()
    {
        assertSteps("filters", """
                {"name":"eq","value":["a","c"]}
                {"name":"eq-op","value":["b"]}
                {"name":"ne","value":["b"]}
                {"name":"gt","value":["a"]}
                {"name":"gte","value":["a","c"]}
                {"name":"lt","value":["b"]}
                {"name":"lte","value":["b","c"]}
                {"name":"range","value":["b","c"]}
                {"name":"in","value":["a"]}
                {"name":"nin","value":["a","c"]}
                {"name":"and","value":["a"]}
                {"name":"or","value":["b","c"]}
                {"name":"boolean","value":["c"]}
                {"name":"nested","value":["b"]}
                {"name":"regex","value":["c"]}
                {"name":"regex-or-contains","value":["b","c"]}
                {"name":"where-and-document","value":["a"]}
                {"name":"ids-and-where","value":["a"]}
                {"name":"delete-where","value":null}
                {"name":"after-delete-where","value":["a","c"]}
                """);
    }

    @Test
    void testAddOfAStatementOver16MiB()
    {
        assertSteps("big-add", """
                {"name":"statement-over-16MiB","value":true}
                {"name":"add","value":null}
                {"name":"count","value":2500}
                {"name":"round-trip","value":[true,true]}
                """);
    }

    @Test
    void testFullTextDocumentFilters()
    {
        assertSteps("fulltext", """
                {"name":"contains","value":["a"]}
                {"name":"contains-any-token","value":["b","c"]}
                {"name":"contains-or","value":["a","c"]}
                {"name":"contains-and","value":["a"]}
                {"name":"contains-nothing","value":[]}
                {"name":"ids-and-contains","value":["c"]}
                {"name":"get-documents","value":[["a","apple banana"]]}
                {"name":"delete-where-document","value":null}
                {"name":"after-delete-where-document","value":["a","b"]}
                """);
    }

    @Test
    void testHybridSearchWithFullTextOnly()
    {
        assertSteps("hybrid-text", """
                {"name":"hybrid-text","value":[["h1","h2"]]}
                {"name":"hybrid-text-documents","value":[[["h3"]],[["cooking recipes"]],[[{"kind":"food"}]]]}
                """);
    }

    @Test
    void testQueryWithEachDistance()
    {
        assertSteps("query", """
                {"name":"query-l2","value":[[["q",1],["p",1.4142],["r",3]]]}
                {"name":"query-cosine","value":[[["q",0.0513],["p",0.1056],["r",1]]]}
                {"name":"query-inner_product","value":[[["q",3],["p",2],["r",0]]]}
                {"name":"query-two-vectors","value":[[["p",0]],[["r",1]]]}
                {"name":"query-where","value":[[["q",1],["r",2.2361]]]}
                {"name":"query-where-document","value":[[["r",2.2361]]]}
                {"name":"query-include","value":[[["p"]],[["pear"]],[[{"n":1}]],[[[1,0,0]]]]}
                {"name":"query-distance-override","value":[[["p",0],["q",0.2929]]]}
                {"name":"query-wrong-dimension","error":{…
                """);
    }

    @Test
    void testHybridSearchWithKnn()
    {
        assertSteps("hybrid", """
                {"name":"hybrid-knn","value":[["h1"]]}
                {"name":"hybrid-both","value":[["h1","h2"]]}
                """);
    }

    @Test
    void testForkIsNotSupportedYet()
    {
        assertSteps("fork", """
                {"name":"fork","error":{"errno":1235,"sqlState":"42000","message":"This version of MySQL doesn't yet support 'FORK TABLE'"}}
                {"name":"fork-target-absent","value":false}
                {"name":"source-intact","value":1}
                """);
    }

    @Test
    void testDatabaseAdministration()
    {
        assertSteps("admin", """
                {"name":"create-database","value":null}
                {"name":"create-database-again","value":null}
                {"name":"get-database","value":["sdk_admin_db","utf8mb4","utf8mb4_general_ci"]}
                {"name":"get-missing-database","error":{"errno":null,"sqlState":null,"message":"Database not found: sdk_no_such_db"}}
                {"name":"list-databases","value":["information_schema","mysql","sdk_admin_db","test"]}
                {"name":"list-databases-page","value":["mysql","sdk_admin_db"]}
                {"name":"admin-client-list","value":["information_schema","mysql","sdk_admin_db","test"]}
                {"name":"admin-client-delete","value":null}
                {"name":"seekdb-admin-create","value":null}
                {"name":"seekdb-admin-get","value":"sdk_admin_db2"}
                {"name":"seekdb-admin-delete","value":null}
                {"name":"seekdb-admin-list","value":["information_schema","mysql","test"]}
                {"name":"execute","value":[{"greeting":"hello","quoted":"it's"}]}
                """);
    }

    /**
     * Compares the scenario's output with the expected lines; an expected line ending in {@code …} only
     * has to be a prefix of the actual one (for server messages naming generated table ids).
     */
    static void assertSteps(String scenario, String expected)
    {
        assertSteps(SeekdbJsSdk.run(server, scenario), expected);
    }

    static void assertSteps(List<String> actual, String expected)
    {
        List<String> expectedLines = expected.lines().toList();
        for (int index = 0; index < Math.min(actual.size(), expectedLines.size()); index++) {
            String want = expectedLines.get(index);
            if (want.endsWith("…")) {
                assertThat(actual.get(index)).startsWith(want.substring(0, want.length() - 1));
            }
            else {
                assertThat(actual.get(index)).isEqualTo(want);
            }
        }
        assertThat(actual).as("steps").hasSameSizeAs(expectedLines);
    }
}
