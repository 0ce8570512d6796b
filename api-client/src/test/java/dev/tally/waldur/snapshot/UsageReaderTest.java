package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.WaldurJson;
import dev.tally.waldur.model.ComponentUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The streaming usage reader gives exactly what the typed {@link ComponentUsage} record gives. */
class UsageReaderTest {
    private static final ObjectMapper JSON = WaldurJson.newMapper();

    /** One usage as the reader passes it on; the usage as a {@code BigDecimal} whichever form it came in. */
    private record Row(String resourceId, String component, BigDecimal usage, int epochMonth, Instant reportedAt) {
    }

    /** The rows the reader passes on, in order. */
    private static final class Rows implements UsageSink {
        final List<Row> rows = new ArrayList<>();

        @Override
        public void add(String uuid, String resource, String type, int epochMonth, long unscaled, int scale,
                Instant reportedAt) {
            rows.add(new Row(resource, type, BigDecimal.valueOf(unscaled, scale), epochMonth, reportedAt));
        }

        @Override
        public void add(String uuid, String resource, String type, int epochMonth, BigDecimal usage, Instant reportedAt) {
            rows.add(new Row(resource, type, usage, epochMonth, reportedAt));
        }

        int size() {
            return rows.size();
        }

        String resourceId(int k) {
            return rows.get(k).resourceId();
        }

        String component(int k) {
            return rows.get(k).component();
        }

        BigDecimal usage(int k) {
            return rows.get(k).usage();
        }

        int epochMonth(int k) {
            return rows.get(k).epochMonth();
        }

        Instant reportedAt(int k) {
            return rows.get(k).reportedAt();
        }
    }

    /** What reporting takes from a typed usage: null when it names no resource, component, amount or month (refused). */
    private static Row expected(ComponentUsage u) {
        if (u.resourceUuid() == null || u.type() == null || u.usage() == null || u.month() == null) {
            return null;
        }
        return new Row(u.resourceUuid(), u.type(), u.usage(), UsageSink.epochMonth(u.month()), u.reportedAt());
    }

    private static Rows parse(String json) throws Exception {
        Rows table = new Rows();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            new UsageReader(table).read(p);
        }
        return table;
    }

    private static int epochMonth(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'cpu_k_hours','usage':756,'date':'2026-10-31T00:00:00.999993Z','resource_uuid':'96d097b708074fe98c8753fc9a7b8376','billing_period':'2026-10-01','created':'2026-10-31T00:00:01.026993Z'}",
        "{'usage':'1.50','type':'gpu_k_hours','billing_period':'2026-02-01','resource_uuid':'96D097B7-0807-4FE9-8C87-53FC9A7B8376','created':'2026-10-31T00:00:01Z'}",
        "{'type':'cpu_k_hours','usage':2.250,'billing_period':'2026-01-31','resource_uuid':'r1','created':'2026-10-31T00:00:01.5Z','extra':{'a':[1,2]}}",
        "{'type':'cpu_k_hours','usage':123456789012345678901234,'billing_period':'2025-12-01','resource_uuid':'r1','created':null,'date':'2025-12-31T23:59:59.123456789Z'}",
        "{'type':'cpu_k_hours','usage':1e3,'billing_period':null,'resource_uuid':'r1','date':'2025-12-31T23:59:59Z'}",
        "{'type':'cpu_k_hours','usage':' 7.000','billing_period':'2025-12-01T00:00:00','resource_uuid':'r1','created':'2025-12-31T23:59:59+02:00'}",
        "{'type':'cpu_k_hours','usage':-3,'billing_period':'2024-02-29','resource_uuid':'r1','created':'2024-02-29T24:00:00Z'}",
        "{'type':'cpu_k_hours','usage':5,'resource_uuid':'r1','created':'2025-01-01T00:00:00Z'}",
        "{'type':'cpu_k_hours','usage':null,'billing_period':'2025-12-01','resource_uuid':'r1'}",
        "{'usage':5,'billing_period':'2025-12-01','resource_uuid':'r1'}",
        "{'type':'cpu_k_hours','usage':5,'billing_period':'2025-12-01'}",
        "{'type':7,'usage':5,'usage':'6.0','billing_period':'2025-12-01','resource_uuid':'r1','date':1735689600}"})
    void readsWhatTheTypedRecordReads(String line) throws Exception {
        String json = line.replace('\'', '"');
        Row expected;
        try {
            expected = expected(JSON.readValue(json, ComponentUsage.class));
        } catch (Exception e) {
            // a line the typed reader refuses is refused here too
            assertThatThrownBy(() -> parse(json)).isInstanceOf(Exception.class);
            return;
        }

        if (expected == null) {
            // a usage that cannot be counted makes the file unreadable, rather than quietly lowering a figure
            assertThatThrownBy(() -> parse(json)).isInstanceOf(java.io.IOException.class).hasMessageStartingWith("the usage has no ");
            return;
        }
        Rows t = parse(json);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.resourceId(0)).isEqualTo(expected.resourceId());
        assertThat(t.component(0)).isEqualTo(expected.component());
        assertThat(t.usage(0)).isEqualTo(expected.usage());
        assertThat(t.epochMonth(0)).isEqualTo(expected.epochMonth());
        assertThat(t.reportedAt(0)).isEqualTo(expected.reportedAt());
    }

    @Test
    void readsTheUsualLineWithoutLosingDigits() throws Exception {
        Rows t = parse("""
                {"type":"cpu_k_hours","usage":"0.0000000001","date":"2026-10-31T00:00:00.999993Z",
                 "resource_uuid":"96d097b708074fe98c8753fc9a7b8376","billing_period":"2026-10-01"}""");

        assertThat(t.usage(0)).isEqualTo(new BigDecimal("0.0000000001"));
        assertThat(t.reportedAt(0)).isEqualTo(Instant.parse("2026-10-31T00:00:00.999993Z"));
        assertThat(t.epochMonth(0)).isEqualTo(epochMonth(YearMonth.of(2026, 10)));
    }
}
