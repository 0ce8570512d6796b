package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server past the client's bounds (docs/reliability.md) fails a harvest with one line and exit 1, publishing nothing. */
class ServerBoundsTest {
    @Test
    void aPageLargerThanThePageSizeAskedForFailsTheHarvestInOneLine(@TempDir Path dir) throws Exception {
        // 301 objects where page_size=300 was asked for.
        byte[] body = ("[" + String.join(",", Collections.nCopies(301, "{\"uuid\":\"a\"}")) + "]")
                .getBytes(StandardCharsets.UTF_8);
        CliRun run;
        String expectedUrl;
        try (CannedServer server = new CannedServer(200, body)) {
            run = CliRun.of("harvest", "--url", server.origin() + "/", "--token-file", CannedServer.tokenFile(dir).toString(),
                    "--out", dir.resolve("snap").toString(), "--retries", "0");
            assertThat(server.seen()).hasSize(1);
            expectedUrl = server.origin() + server.seen().get(0);
        }

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /api/customers/ returned HTTP 200: a page of 301 objects, more than"
                + " the page_size=300 asked for (at " + expectedUrl + ")" + System.lineSeparator());
        assertThat(dir.resolve("snap")).doesNotExist();
    }
}
