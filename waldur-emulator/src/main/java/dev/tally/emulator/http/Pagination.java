package dev.tally.emulator.http;

import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Waldur's LinkHeaderPagination (docs/emulator.md, "Pagination"): DRF PageNumberPagination with {@code page}/{@code page_size},
 * default 10, clamp at 300, a bare JSON array body, {@code X-Result-Count} and a {@code Link} header.
 */
final class Pagination {
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 300;

    private Pagination() {
    }

    /** DRF {@code _positive_int(strict=True, cutoff=300)}; anything that is not a positive integer falls back to 10. */
    static int pageSize(QueryString query) {
        String raw = query.last("page_size");
        if (raw == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(raw.strip());
            if (size <= 0) {
                return DEFAULT_PAGE_SIZE;
            }
            return Math.min(size, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE_SIZE;
        }
    }

    /**
     * One page; with {@code ties} set (null otherwise), the rows that tie under its ordering are listed in that request's own order,
     * as PostgreSQL may do for an ordering that is not unique (docs/emulator.md, "Unstable orderings and bare
     * throttling"). Only the tied runs that reach into the page are shuffled, so a page stays O(page + run).
     * {@code fault} shapes the page as a broken server would (docs/emulator.md, "Faults"); {@link ListFault#NONE}
     * leaves it as Waldur sends it.
     */
    static Response page(Request request, List<? extends Row> matching, List<String> fields, TiedRows ties,
            ListFault fault) {
        int size = pageSize(request.query());
        int count = matching.size();
        // Django's Paginator reports one page for an empty result (allow_empty_first_page).
        int pages = Math.max(1, (count + size - 1) / size);
        String rawPage = request.query().last("page");
        int page;
        if (rawPage == null) {
            page = 1;
        } else if ("last".equals(rawPage)) {
            page = pages;
        } else {
            try {
                page = Integer.parseInt(rawPage.strip());
            } catch (NumberFormatException e) {
                throw ApiException.detail(404, "Invalid page.");
            }
            if (page > pages && page < Integer.MAX_VALUE && fault.endlessLists()) {
                return Response.json(200, Json.NODES.arrayNode())
                        .header("Link", String.join(", ", links(request, page, pages, page + 1)));
            }
            if (page < 1 || page > pages) {
                throw ApiException.detail(404, "Invalid page.");
            }
        }
        int from = (page - 1) * size;
        int to = Math.min(count, from + size);
        if (fault.repeat() && page > 1) {
            from -= size;
            to -= size;
        }
        List<? extends Row> rows = matching.subList(Math.min(from, count), to);
        if (ties != null && !rows.isEmpty()) {
            rows = ties.reorder(matching, from, to);
        }
        int next = fault.loop() ? Math.max(1, page - 1) : fault.endless() || page < pages ? page + 1 : 0;
        Response response = Response.encoded(200, PageJson.encode(rows, fields, request.origin()));
        if (!fault.endless()) {
            int change = count == 0 ? Math.abs(fault.countChange()) : fault.countChange();
            response.header("X-Result-Count", Integer.toString(count + change));
        }
        return response.header("Link", String.join(", ", links(request, page, pages, next)));
    }

    /** Waldur's first, prev, next (to page {@code next}, none when 0) and last links of page {@code page}. */
    private static List<String> links(Request request, int page, int pages, int next) {
        String base = request.origin() + request.path();
        QueryString query = request.query();
        List<String> links = new ArrayList<>();
        links.add(link(base, query.with("page", null), "first"));
        if (page > 1) {
            links.add(link(base, pageQuery(query, page - 1), "prev"));
        }
        if (next > 0) {
            links.add(link(base, pageQuery(query, next), "next"));
        }
        links.add(link(base, pageQuery(query, pages), "last"));
        return links;
    }

    /** The query of page {@code page}: Waldur leaves {@code page} out for the first. */
    private static String pageQuery(QueryString query, int page) {
        return page == 1 ? query.with("page", null) : query.with("page", Integer.toString(page));
    }

    private static String link(String base, String query, String rel) {
        return "<" + base + (query.isEmpty() ? "" : "?" + query) + ">; rel=\"" + rel + "\"";
    }
}
