package dev.tally.cli;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The emulator's seed-42, scale-1 dataset harvested once per test JVM over real HTTP, shared by the
 * report, query and export tests (the same data `./tally demo` reports on).
 */
public final class DemoSnapshot {
    private static Path dir;

    private DemoSnapshot() {
    }

    /** The snapshot folder; harvested on first use. */
    public static synchronized Path get() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("tally-test-snapshot-");
                Path snapshot = root.resolve("snapshot");
                try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withScale(1).withSeed(42))) {
                    WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                            .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
                    // stamped with the emulator's logical clock, as tally demo does: the same snapshot on any date
                    new Harvester(new WaldurClient(config), "test", emulator.clock())
                            .harvest(snapshot, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                dir = snapshot;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static void delete(Path root) {
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder; the OS cleans up
        }
    }
}
