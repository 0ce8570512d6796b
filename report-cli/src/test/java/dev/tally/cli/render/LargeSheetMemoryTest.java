package dev.tally.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-row project-detail sheet renders in a JVM limited to 256 MB of heap (streamed with SXSSF). */
class LargeSheetMemoryTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandRowsRenderWithin256MegabytesOfHeap() throws Exception {
        Path file = dir.resolve("big.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BigSheet.class.getName(), file.toString(), "100000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();

        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();
        assertThat(Files.readString(dir.resolve("log"))).startsWith("max heap ");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("xl/worksheets/sheet1.xml").getSize()).isGreaterThan(10_000_000L);
            assertThat(zip.getEntry("xl/tables/table1.xml")).isNotNull();
        }
    }
}
