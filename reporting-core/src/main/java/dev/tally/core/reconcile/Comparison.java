package dev.tally.core.reconcile;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two sources cell by cell (docs/definitions.md, "Reconciliation"): a cell missing on one side is
 * zero there; a cell differs when |other − tally| exceeds the threshold. Totals per share cover every cell.
 */
final class Comparison {
    /** What Tally knows about a key: its label and share, and the share's place in the order of shares. */
    record Known(String label, String share, int shareOrder) {
    }

    static final String UNKNOWN_SHARE = "(unknown)";

    private Comparison() {
    }

    static Reconciliation of(Map<Cell, BigDecimal> tally, Map<Cell, BigDecimal> other, Function<String, Known> known,
            List<String> componentOrder, Set<YearMonth> months, BigDecimal threshold) {
        Set<Cell> cells = new java.util.HashSet<>(tally.keySet());
        cells.addAll(other.keySet());
        Map<String, Known> knownByKey = new HashMap<>();
        for (Cell c : cells) {
            knownByKey.computeIfAbsent(c.key(), k -> {
                Known found = known.apply(k);
                return found != null ? found : new Known(k, UNKNOWN_SHARE, Integer.MAX_VALUE);
            });
        }
        Comparator<Cell> order = Comparator.comparingInt((Cell c) -> knownByKey.get(c.key()).shareOrder())
                .thenComparing(c -> knownByKey.get(c.key()).share())
                .thenComparing(c -> knownByKey.get(c.key()).label())
                .thenComparing(Cell::key)
                .thenComparing(Cell::month)
                .thenComparingInt(c -> rank(componentOrder, c.component()))
                .thenComparing(Cell::component);
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(order);
        List<Difference> differences = new ArrayList<>();
        Map<List<String>, BigDecimal[]> totals = new LinkedHashMap<>();
        Map<List<String>, Integer> differing = new HashMap<>();
        for (Cell c : sorted) {
            Known k = knownByKey.get(c.key());
            BigDecimal t = tally.getOrDefault(c, BigDecimal.ZERO);
            BigDecimal o = other.getOrDefault(c, BigDecimal.ZERO);
            List<String> shareKey = List.of(k.share(), c.component());
            BigDecimal[] sum = totals.computeIfAbsent(shareKey, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(t);
            sum[1] = sum[1].add(o);
            if (o.subtract(t).abs().compareTo(threshold) > 0) {
                differences.add(new Difference(c.key(), k.label(), k.share(), c.month(), c.component(), t, o));
                differing.merge(shareKey, 1, Integer::sum);
            }
        }
        List<ShareTotal> shareTotals = new ArrayList<>();
        totals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, BigDecimal[]> e) -> e.getKey().get(0).equals(UNKNOWN_SHARE))
                        .thenComparing(e -> firstOrder(knownByKey, e.getKey().get(0)))
                        .thenComparing(e -> e.getKey().get(0))
                        .thenComparingInt(e -> rank(componentOrder, e.getKey().get(1))))
                .forEach(e -> shareTotals.add(new ShareTotal(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                        e.getValue()[1], differing.getOrDefault(e.getKey(), 0))));
        return new Reconciliation(new ArrayList<>(new TreeSet<>(months)), threshold, cells.size(), differences, shareTotals);
    }

    private static int firstOrder(Map<String, Known> known, String share) {
        return known.values().stream().filter(k -> k.share().equals(share)).mapToInt(Known::shareOrder).min().orElse(Integer.MAX_VALUE);
    }

    private static int rank(List<String> order, String component) {
        int i = order.indexOf(component);
        return i < 0 ? order.size() : i;
    }
}
