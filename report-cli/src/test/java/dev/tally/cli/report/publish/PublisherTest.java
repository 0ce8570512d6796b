package dev.tally.cli.report.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.UnsafePathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing replaces only files of the names it rendered, and only inside its root. */
class PublisherTest {
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesAnEarlierFileAndLeavesOtherFilesAlone(@TempDir Path root) throws Exception {
        Path month = Files.createDirectories(root.resolve("2026/10"));
        Files.writeString(month.resolve("report.csv"), "old");
        Files.writeString(month.resolve("minutes.docx"), "someone else's");
        Publisher publisher = new Publisher(root, AtomicFiles.DIRECT);

        List<Path> published;
        try (Publisher.Lock lock = publisher.lock(); Publisher.Staging staging = publisher.stage()) {
            Files.writeString(staging.folderFor(month).resolve("report.csv"), "new");
            published = staging.publish();
        }

        assertThat(published).containsExactly(month.resolve("report.csv"));
        assertThat(Files.readString(month.resolve("report.csv"))).isEqualTo("new");
        assertThat(Files.readString(month.resolve("minutes.docx"))).isEqualTo("someone else's");
        assertThat(names(root)).containsExactly(".tally-export.lock", "2026");
    }

    @Test
    void removesTheTemporaryCopyAKilledRunLeftBesideATarget(@TempDir Path root) throws Exception {
        Path month = Files.createDirectories(root.resolve("2026/10"));
        Files.writeString(month.resolve(".report.csv.8812345.tmp"), "half a copy");
        Files.writeString(month.resolve(".notes.txt.1.tmp"), "not ours to judge");
        Publisher publisher = new Publisher(root, AtomicFiles.DIRECT);

        try (Publisher.Lock lock = publisher.lock(); Publisher.Staging staging = publisher.stage()) {
            Files.writeString(staging.folderFor(month).resolve("report.csv"), "new");
            staging.publish();
        }

        assertThat(names(month)).containsExactly(".notes.txt.1.tmp", "report.csv");
    }

    @Test
    void aFolderInTheWayOfAReportFilePublishesNothing(@TempDir Path root) throws Exception {
        Path month = Files.createDirectories(root.resolve("2026/10"));
        Files.createDirectories(month.resolve("b.csv"));
        Publisher publisher = new Publisher(root, AtomicFiles.DIRECT);

        try (Publisher.Lock lock = publisher.lock(); Publisher.Staging staging = publisher.stage()) {
            Path s = staging.folderFor(month);
            Files.writeString(s.resolve("a.csv"), "a");
            Files.writeString(s.resolve("b.csv"), "b");

            assertThatThrownBy(staging::publish)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("refusing to publish over " + month.resolve("b.csv") + ": it is a folder, not a file an export"
                            + " wrote; move it away and run again");
        }

        assertThat(names(month)).containsExactly("b.csv");
        assertThat(Files.isDirectory(month.resolve("b.csv"))).isTrue();
    }

    @Test
    void aDestinationOutsideTheRootIsRefused(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(dir.resolve("share"), AtomicFiles.DIRECT);

        try (Publisher.Lock lock = publisher.lock(); Publisher.Staging staging = publisher.stage()) {
            assertThatThrownBy(() -> staging.folderFor(dir.resolve("share/../elsewhere")))
                    .isInstanceOf(UnsafePathException.class)
                    .hasMessage("destination " + dir.resolve("elsewhere") + " lies outside its root " + dir.resolve("share")
                            + "; remove the '..' that leads out of it");
        }
    }

    @Test
    void aSymbolicLinkThatLeadsOutOfTheRootPublishesNothing(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("share"));
        Path outside = Files.createDirectories(dir.resolve("home-of-someone"));
        Files.createSymbolicLink(root.resolve("2026"), outside);
        Publisher publisher = new Publisher(root, AtomicFiles.DIRECT);

        try (Publisher.Lock lock = publisher.lock(); Publisher.Staging staging = publisher.stage()) {
            Files.writeString(staging.folderFor(root.resolve("2026")).resolve("report.csv"), "x");

            assertThatThrownBy(staging::publish)
                    .isInstanceOf(UnsafePathException.class)
                    .hasMessage("destination " + root.resolve("2026") + " resolves to " + outside.toRealPath()
                            + " lies outside its root " + root.toRealPath() + "; remove the '..' that leads out of it");
        }

        assertThat(names(outside)).isEmpty();
    }

    @Test
    void aTemplateNameCannotBecomeAPathOfItsOwn() {
        assertThatThrownBy(() -> DestinationPattern.resolve("/share/{yyyy}/{template}", YearMonth.of(2026, 10), "../../etc"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessage("'../../etc' cannot be used as a file or folder name; use letters, digits, '.', '_' and '-',"
                        + " not starting with '.'");
        assertThat(DestinationPattern.resolve("/share/{yyyy}/{MM}/{template}", YearMonth.of(2026, 10), "monthly"))
                .isEqualTo(Path.of("/share/2026/10/monthly"));
    }

    @Test
    void aDotDotThatStaysInsideTheRootIsFine() {
        assertThat(DestinationPattern.resolve("/share/{yyyy}/../flat", YearMonth.of(2026, 10), "t"))
                .isEqualTo(Path.of("/share/2026/../flat"));
    }
}
