package dev.tally.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.source.FactBuilder;
import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.input.ComponentInput;
import dev.tally.core.input.OfferingInput;
import dev.tally.core.input.OrderInput;
import dev.tally.core.input.PlanInput;
import dev.tally.core.input.ProjectInput;
import dev.tally.core.input.ResourceInput;
import dev.tally.core.input.SourceData;
import dev.tally.core.input.UsageTable;
import dev.tally.waldur.snapshot.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache's payload reads back as exactly what was written: equal records, the same usage rows and codes. */
class SourceFileTest {
    private static byte[] bytes(SourceData d) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        SourceFile.write(d, new CacheOut(out));
        out.flush();
        return buffer.toByteArray();
    }

    private static SourceData read(byte[] b) throws IOException {
        return SourceFile.read(new CacheIn(new DataInputStream(new ByteArrayInputStream(b)), b.length));
    }

    private static void assertSame(SourceData expected, SourceData actual) {
        assertThat(actual.offerings()).isEqualTo(expected.offerings());
        assertThat(actual.resources()).isEqualTo(expected.resources());
        assertThat(actual.orders()).isEqualTo(expected.orders());
        assertThat(actual.projects()).isEqualTo(expected.projects());
        UsageTable.Columns e = expected.usages().columns();
        UsageTable.Columns a = actual.usages().columns();
        int n = e.size();
        assertThat(a.size()).isEqualTo(n);
        assertThat(a.resourceIds()).isEqualTo(e.resourceIds());
        assertThat(a.components()).isEqualTo(e.components());
        assertThat(Arrays.copyOf(a.resource(), n)).isEqualTo(Arrays.copyOf(e.resource(), n));
        assertThat(Arrays.copyOf(a.component(), n)).isEqualTo(Arrays.copyOf(e.component(), n));
        assertThat(Arrays.copyOf(a.month(), n)).isEqualTo(Arrays.copyOf(e.month(), n));
        assertThat(Arrays.copyOf(a.reportedSecond(), n)).isEqualTo(Arrays.copyOf(e.reportedSecond(), n));
        assertThat(Arrays.copyOf(a.reportedNano(), n)).isEqualTo(Arrays.copyOf(e.reportedNano(), n));
        assertThat(Arrays.copyOf(a.unscaled(), n)).isEqualTo(Arrays.copyOf(e.unscaled(), n));
        assertThat(Arrays.copyOf(a.scale(), n)).isEqualTo(Arrays.copyOf(e.scale(), n));
        assertThat(Arrays.copyOf(a.idHigh(), n)).isEqualTo(Arrays.copyOf(e.idHigh(), n));
        assertThat(Arrays.copyOf(a.idLow(), n)).isEqualTo(Arrays.copyOf(e.idLow(), n));
        assertThat(a.big()).isEqualTo(e.big());
        for (int k = 0; k < n; k++) {
            assertThat(actual.usages().usage(k)).isEqualTo(expected.usages().usage(k)); // value and scale
        }
    }

    @Test
    void theDemoSnapshotsSourceDataReadsBackTheSame() throws IOException {
        SourceData d = FactBuilder.source(Snapshot.open(DemoSnapshot.get()));
        assertThat(d.usages().size()).isGreaterThan(90_000);
        assertSame(d, read(bytes(d)));
    }

    @Test
    void missingValuesHugeAndOddDecimalsAndOtherScriptsReadBackExactly() throws IOException {
        BigDecimal huge = new BigDecimal("123456789012345678901234567890.000000000000000000001");
        OfferingInput offering = new OfferingInput(null, "Ångström GPU — 計算", null, null, null,
                List.of(new ComponentInput("gpu_k_hours", BillingType.USAGE, LimitPeriod.ANNUAL, " GPU hours ")),
                List.of(new PlanInput("p1", "plan", PlanUnit.HALF_MONTH, new BigDecimal("-0.00"),
                        Map.of("gpu_k_hours", huge), Map.of(), Map.of("gpu_k_hours", new BigDecimal("1E+5")))));
        ResourceInput resource = new ResourceInput("r1", null, "OK", "pr1", null, null, null, null, null, null,
                Map.of("gpu_k_hours", new BigDecimal("10.50")),
                new LumiOptions(Flag.TRUE, Flag.UNKNOWN, Flag.FALSE, List.of("llm", "cv")), null);
        OrderInput order = new OrderInput("o1", OrderType.UNKNOWN, OrderState.DONE, null, Map.of(), null, null, "r1",
                Instant.parse("2026-10-31T23:59:59.999999999Z"), null);
        UsageTable usages = new UsageTable();
        usages.add("0123456789abcdef0123456789abcdef", "r1", "gpu_k_hours", 24_321, huge, null);
        usages.add(null, "r1", "gpu_k_hours", 24_322, 7, -3, Instant.ofEpochSecond(-5, 1));
        SourceData d = new SourceData(List.of(offering), List.of(resource), List.of(order), usages,
                List.of(new ProjectInput("pr1", null, Flag.UNKNOWN)));
        SourceData back = read(bytes(d));
        assertSame(d, back);
        assertThat(back.offerings().get(0).plans().get(0).unitPrice().scale()).isEqualTo(2);
        assertThat(back.usages().usage(0)).isEqualTo(huge);
    }

    @Test
    void aCutShortOrImpossiblePayloadIsDamagedNotAnOutOfMemoryError() throws IOException {
        byte[] b = bytes(FactBuilder.source(Snapshot.open(DemoSnapshot.get())));
        assertThatThrownBy(() -> read(Arrays.copyOf(b, b.length / 2))).isInstanceOf(IOException.class);
        byte[] huge = b.clone();
        huge[0] = 0x7f; // the offering count becomes two billion
        assertThatThrownBy(() -> read(huge)).isInstanceOf(CacheIn.DamagedCache.class).hasMessageContaining("does not fit");
    }
}
