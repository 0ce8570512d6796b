package dev.tally.emulator.http;

import dev.tally.emulator.store.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The rows of one list request that tie under its ordering, in an order of that request's own: each maximal run of
 * rows equal under {@code order} that overlaps the page is shuffled with {@code random}, the rest stays in place.
 */
record TiedRows(Comparator<Row> order, Random random) {

    /** The rows at {@code [from, to)} of {@code sorted} once every tied run touching that range is shuffled. */
    List<Row> reorder(List<? extends Row> sorted, int from, int to) {
        int start = from;
        while (start > 0 && order.compare(sorted.get(start - 1), sorted.get(from)) == 0) {
            start--;
        }
        int end = to;
        while (end < sorted.size() && order.compare(sorted.get(end), sorted.get(to - 1)) == 0) {
            end++;
        }
        List<Row> window = new ArrayList<>(sorted.subList(start, end));
        int runStart = 0;
        for (int i = 1; i <= window.size(); i++) {
            if (i == window.size() || order.compare(window.get(runStart), window.get(i)) != 0) {
                if (i - runStart > 1) {
                    Collections.shuffle(window.subList(runStart, i), random);
                }
                runStart = i;
            }
        }
        return window.subList(from - start, to - start);
    }
}
