package dev.tally.waldur.http;

import java.util.BitSet;
import java.util.OptionalLong;

/**
 * What paging needs from a page of a list, whatever form its elements were read into.
 *
 * @param <P> the page type itself, so a page with some elements left out keeps its form
 */
public interface ListPage<P extends ListPage<P>> {
    /** How many elements the page holds. */
    int size();

    /** The page's {@code Link} header ({@code rel="next"} is absent on the last page). */
    LinkHeader links();

    /** {@code X-Result-Count}: the total over all pages, absent if the server sent none. */
    OptionalLong resultCount();

    /** The top-level {@code uuid} of element {@code index}, or null if it has none (e.g. {@code ?field=} left it out). */
    String uuid(int index);

    /** This page with only the elements whose index is set in {@code keep}, in their order. */
    P keep(BitSet keep);
}
