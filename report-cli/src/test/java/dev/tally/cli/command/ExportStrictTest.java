package dev.tally.cli.command;

import dev.tally.cli.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally export --strict} on data with a data-quality error: a done order whose resource is
 * not in the snapshot. The reports are still published and the exit code is 3.
 */
class ExportStrictTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void strictExitsThreeWhenTheDataHasErrorsAndStillPublishes() throws Exception {
        Path snapshot = copyWithOrphanOrder(DemoSnapshot.get(), dir.resolve("snapshot"));
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "snapshot: " + snapshot,
                "templates: [ai-tech-breakdown]",
                "formats: [csv]",
                "destination: share/{yyyy}/{MM}/",
                "month: 2026-10", ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err), "export", "--config", config.toString(), "--strict");

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("2026-11-02T06:00:00Z tally export: 1 data-quality error(s) in the data"
                + " (see the data-quality sheet); exit 3 because of --strict" + System.lineSeparator());
        assertThat(out.toString()).startsWith("2026-11-02T06:00:00Z tally export: 2026-10: wrote ");
        assertThat(Files.readString(dir.resolve("share/tally-export-history.log"))).isEqualTo(
                "2026-11-02T06:00:00Z month=2026-10 templates=ai-tech-breakdown files=4 result=published-with-errors exit=3\n");
        assertThat(Files.readString(dir.resolve("share/latest"))).isEqualTo("2026/10\n");
        try (Stream<Path> files = Files.list(dir.resolve("share/2026/10"))) {
            assertThat(files.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.endsWith(".csv"));
        }
    }

    /** Copies a snapshot, appends an order for a resource that does not exist, and re-signs the manifest. */
    private static Path copyWithOrphanOrder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path orders = to.resolve("orders.jsonl.gz");
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(orders))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode orphan = (ObjectNode) JSON.readTree(text.lines().filter(l -> l.contains("\"state\":\"done\"")).findFirst().orElseThrow());
        orphan.put("uuid", "0".repeat(31) + "1");
        orphan.put("marketplace_resource_uuid", "f".repeat(32));
        orphan.put("resource_uuid", "f".repeat(32));
        text = text + JSON.writeValueAsString(orphan) + "\n";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(orders))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(orders)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path manifestFile = to.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(manifestFile.toFile());
        ObjectNode entry = (ObjectNode) manifest.get("collections").get("orders");
        entry.put("count", entry.get("count").asLong() + 1);
        entry.put("sha256", sha);
        JSON.writeValue(manifestFile.toFile(), manifest);
        return to;
    }
}
