package dev.quiver.it.wire;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result-set metadata of the seekdb SDK's get, query, count and hybrid-search SQL as mysql2 3.24.6 decodes it
 * (seekdb-js.md 2.5): {@code _id} binary (a Buffer), {@code document} and {@code embedding} text charset (strings;
 * the embedding JSON text with the shortest float32 digits), {@code metadata} JSON (an object), {@code distance} and
 * {@code _score} DOUBLE, {@code cnt} LONGLONG, {@code query_sql} text; JSON function results (JSON_EXTRACT, JSON_OBJECT
 * with the JSON column nested, JSON_ARRAY, CAST AS JSON) JSON that mysql2 parses, over the text and the binary protocol,
 * and {@code ->>} text. Each entry is {@code [name, columnType,
 * characterSet, JS type]}; 63 is the binary charset, 45 utf8mb4_general_ci (the SDK's connection charset). Types: 253
 * VAR_STRING, 252 BLOB, 245 JSON, 5 DOUBLE, 8 LONGLONG; never 242 (MySQL 9's VECTOR, which mysql2 would misread).
 */
class TestNodeMysql2SearchMetadata
{
    @Test
    void testSdkResultColumnsDecodeAsTheSdkExpects()
    {
        Path node = ExternalClients.require("node", "install Node.js");
        Path folder = ExternalClients.projectRoot().resolve("it/src/test/node");
        if (!Files.isDirectory(folder.resolve("node_modules/mysql2"))) {
            ExternalClients.missing("Node package mysql2 is not installed (run: npm ci --prefix it/src/test/node)");
        }
        try (TestingServer server = TestingServer.start()) {
            ProcessResult result = ProcessResult.run(List.of(node.toString(), "search-metadata.mjs", String.valueOf(server.port())), folder, new byte[0],
                    Duration.ofMinutes(2));
            assertThat(result.standardError()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.standardOutput().lines().toList()).containsExactly(
                    "{\"name\":\"get\",\"value\":[[\"_id\",253,63,\"buffer\"],[\"document\",252,45,\"string\"],[\"metadata\",245,63,\"object\"],[\"embedding\",253,45,\"string\"]]}",
                    "{\"name\":\"get-embedding\",\"value\":[1.1,0,0]}",
                    "{\"name\":\"query\",\"value\":[[\"_id\",253,63,\"buffer\"],[\"document\",252,45,\"string\"],[\"metadata\",245,63,\"object\"],[\"embedding\",253,45,\"string\"],[\"distance\",5,63,\"number\"]]}",
                    "{\"name\":\"query-ids\",\"value\":[\"a\",\"b\"]}",
                    "{\"name\":\"query-embeddings\",\"value\":[[1.1,0,0],[0,1,1e-7]]}",
                    "{\"name\":\"json-functions\",\"value\":[[\"cat\",245,63,\"string\"],[\"obj\",245,63,\"object\"],[\"unquoted\",253,45,\"string\"],[\"arr\",245,63,\"array\"],[\"cast_json\",245,63,\"object\"]]}",
                    "{\"name\":\"json-values\",\"value\":[\"fruit\",{\"m\":{\"category\":\"fruit\"}},\"fruit\",[1,\"a\",{\"category\":\"fruit\"}],{\"n\":1.5}]}",
                    "{\"name\":\"json-functions-prepared\",\"value\":[[\"cat\",245,63,\"string\"],[\"obj\",245,63,\"object\"],[\"unquoted\",253,45,\"string\"],[\"arr\",245,63,\"array\"],[\"cast_json\",245,63,\"object\"]]}",
                    "{\"name\":\"json-values-prepared\",\"value\":[\"fruit\",{\"m\":{\"category\":\"fruit\"}},\"fruit\",[1,\"a\",{\"category\":\"fruit\"}],{\"n\":1.5}]}",
                    "{\"name\":\"count\",\"value\":[[\"cnt\",8,63,\"number\"]]}",
                    "{\"name\":\"match\",\"value\":[\"b\"]}",
                    "{\"name\":\"get-sql\",\"value\":[[\"query_sql\",253,45,\"string\"]]}",
                    "{\"name\":\"get-sql-passes-sdk-checks\",\"value\":true}",
                    "{\"name\":\"hybrid\",\"value\":[[\"_id\",253,63,\"buffer\"],[\"document\",252,45,\"string\"],[\"metadata\",245,63,\"object\"],[\"embedding\",253,45,\"string\"],[\"_score\",5,63,\"number\"]]}",
                    "{\"name\":\"hybrid-ids\",\"value\":[\"a\",\"b\"]}");
        }
    }
}
