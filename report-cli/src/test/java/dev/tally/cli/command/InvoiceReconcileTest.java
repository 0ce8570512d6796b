package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.store.Quirk;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally reconcile --invoices} over loopback HTTP: the emulator invoices with its own billing rules, one item
 * mispriced by 10.00; and a token that may not read invoices still harvests, the collection recorded as unavailable.
 */
class InvoiceReconcileTest {
    @TempDir
    Path dir;

    private static Manifest harvest(Emulator emulator, String token, Path out) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(token))
                .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
        return new Harvester(new WaldurClient(config), "test", emulator.clock())
                .harvest(out, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
    }

    @Test
    void oneMispricedInvoiceItemIsTheOneDifferenceFound() throws Exception {
        Path snapshot = dir.resolve("s");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.MISPRICED_INVOICE_ITEM))) {
            Manifest m = harvest(emulator, emulator.staffToken(), snapshot);
            assertThat(m.collections().get("invoice-items").count()).isGreaterThan(5000);
            assertThat(m.unavailable()).isEmpty();
        }
        CliRun r = CliRun.of("reconcile", "--snapshot", snapshot.toString(), "--invoices", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<List<String>> rows = r.out().lines().map(CsvLine::split).toList();
        assertThat(rows).hasSize(2);
        List<String> diff = rows.get(1);
        assertThat(diff.subList(2, 4)).containsExactly("2026-10", "cost");
        assertThat(new BigDecimal(diff.get(6)).subtract(BigDecimal.TEN).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(new BigDecimal(diff.get(5)).subtract(new BigDecimal(diff.get(4))).subtract(new BigDecimal(diff.get(6))))
                .isEqualByComparingTo("0");
    }

    @Test
    void aTokenThatMayNotReadInvoicesHarvestsTheRestAndTheManifestSaysSo() throws Exception {
        Path snapshot = dir.resolve("provider");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Manifest m = harvest(emulator, emulator.providerToken(), snapshot);
            assertThat(m.collections()).doesNotContainKey("invoice-items").containsKey("resources");
            assertThat(m.unavailable()).containsExactly(java.util.Map.entry("invoice-items", "HTTP 403"));
        }
        Snapshot s = Snapshot.open(snapshot);
        assertThat(s.has(WaldurCollection.INVOICE_ITEMS)).isFalse();
        assertThat(s.manifest().unavailable()).containsKey("invoice-items");
        CliRun r = CliRun.of("reconcile", "--snapshot", snapshot.toString(), "--invoices");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("--invoices: the harvest could not read invoice items"
                + " (HTTP 403; the token needs owner, staff or support rights)");
    }
}
