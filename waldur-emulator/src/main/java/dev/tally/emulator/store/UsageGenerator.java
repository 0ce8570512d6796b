package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated component usages: one a month and component of a resource, over at most the 24 months before
 * {@code asOf}. It draws from the generator's one random stream, when {@link AllocationGenerator} calls it right
 * after a resource's orders, so the data stays what it was.
 */
final class UsageGenerator {
    private final SplittableRandom random;
    private final Instant asOf;
    private final DatasetGenerator.Rows rows;
    private final Map<YearMonth, LocalDate> billingPeriods = new HashMap<>();

    UsageGenerator(SplittableRandom random, Instant asOf, DatasetGenerator.Rows rows) {
        this.random = random;
        this.asOf = asOf;
        this.rows = rows;
    }

    /**
     * Draws the monthly usages of {@code resource} from {@code start} to {@code end}, the limits of each month being
     * the {@code values} in force from each of the {@code changes}, into {@code usages}, and sets its current usages.
     */
    void usages(JsonRow resource, Instant start, Instant end, List<Instant> changes, List<JsonNode> values,
                        List<UsageRow> usages) {
        YearMonth first = YearMonth.from(start.atZone(ZoneOffset.UTC));
        YearMonth windowStart = YearMonth.from(asOf.atZone(ZoneOffset.UTC)).minusMonths(24);
        if (first.isBefore(windowStart)) {
            first = windowStart;
        }
        YearMonth last = YearMonth.from(end.atZone(ZoneOffset.UTC));
        // Read the component fields once per resource, not once per month; the rows share these strings.
        JsonNode offeringComponents = resource.get("offering_components");
        int componentCount = offeringComponents.size();
        String[] types = new String[componentCount];
        String[] names = new String[componentCount];
        String[] units = new String[componentCount];
        for (int c = 0; c < componentCount; c++) {
            JsonNode component = offeringComponents.get(c);
            types[c] = component.get("type").asText();
            names[c] = component.get("name").asText();
            units[c] = component.get("measured_unit").asText();
        }
        ObjectNode current = Json.NODES.objectNode();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            // The provider reports in the last days of the month, or at termination time if earlier.
            Instant reported = monthEnd.minusSeconds(3600 + random.nextLong(3L * 86400));
            if (reported.isAfter(end)) {
                reported = end;
            }
            if (reported.isBefore(start)) {
                reported = start;
            }
            reported = reported.plusNanos(random.nextLong(1_000_000) * 1000);
            JsonNode limits = values.get(0);
            for (int i = 0; i < changes.size(); i++) {
                if (!changes.get(i).isAfter(reported)) {
                    limits = values.get(i);
                }
            }
            // Limits are monthly quantities: a month the allocation existed in only partly gets that
            // share of them, or nearly every first and last month would look like overuse.
            Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant from = start.isAfter(monthStart) ? start : monthStart;
            Instant to = end.isBefore(monthEnd) ? end : monthEnd;
            double share = Math.max(0, Duration.between(from, to).toSeconds()) / (double) Duration.between(monthStart, monthEnd).toSeconds();
            long reportedMicros = Ids.micros(reported);
            LocalDate billingPeriod = billingPeriod(month);
            for (int c = 0; c < componentCount; c++) {
                String type = types[c];
                long limit = limits.path(type).asLong(0);
                if (limit <= 0) {
                    continue;
                }
                // Idle components are often not reported at all, so some months have no record for them.
                if (random.nextInt(100) < 18) {
                    continue;
                }
                // Up to the (share of the) limit; overuse is rare: draws above 0.998 go up to 0.2% over.
                long used = random.nextInt(20) == 0 ? 0 : Math.round(limit * share * random.nextDouble() * 1.002);
                // Draw order as before (UUID halves, then the creation offset), so the data stays the same.
                long uuidHigh = Ids.uuidHigh(random);
                long uuidLow = Ids.uuidLow(random);
                long createdMicros = reportedMicros + (5 + random.nextLong(40)) * 1000;
                usages.add(rows.usage(uuidHigh, uuidLow, createdMicros, resource, type, names[c], units[c],
                        billingPeriod, used, reportedMicros, "", false));
                current.put(type, used);
            }
        }
        resource.node().set("current_usages", current);
    }

    // One LocalDate per month for all rows: two million rows otherwise carry two million equal dates.
    private LocalDate billingPeriod(YearMonth month) {
        return billingPeriods.computeIfAbsent(month, m -> m.atDay(1));
    }
}
