package dev.tally.waldur.http;

import java.util.OptionalLong;

/** What paging needs from a page of a list, whatever form its elements were read into. */
public interface ListPage {
    /** How many elements the page holds. */
    int size();

    /** The page's {@code Link} header ({@code rel="next"} is absent on the last page). */
    LinkHeader links();

    /** {@code X-Result-Count}: the total over all pages, absent if the server sent none. */
    OptionalLong resultCount();
}
