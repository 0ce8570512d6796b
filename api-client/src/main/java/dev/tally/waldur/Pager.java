package dev.tally.waldur;

import dev.tally.waldur.http.ListPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a paged list (docs/waldur.md, Paging): follows {@code Link rel="next"} from the first page,
 * or, once {@code X-Result-Count} gives the total and {@code concurrency} allows, fetches the
 * remaining pages in parallel and still delivers them in page order. A next link seen before (a
 * loop), a total that changes between pages and a final count that differs from the total all fail.
 *
 * <p>Objects are told apart by UUID (docs/waldur.md, "Paging that repeats and skips"): one that comes
 * again is left out, and when that leaves fewer distinct objects than the total, the list is walked
 * again one page after another at the largest page size, passing on only the objects still missing,
 * up to {@value #RECOVERY_PASSES} times. A list still short after that fails; none is ever delivered
 * with an object twice or with one missing.
 *
 * <p>A walk is bounded (docs/reliability.md): a page holding more objects than the {@code page_size}
 * it asked for, a total above {@code maxObjects}, more than {@code maxObjects} objects received or
 * more pages than {@code maxObjects} objects fill at the page size asked for all fail with one line
 * naming the URL. A server that links {@code next} pages without end is so stopped, with or without
 * {@code X-Result-Count}.
 */
final class Pager {
    /** Sequential walks after a parallel one came out short; each sees the ties in a new order. */
    static final int RECOVERY_PASSES = 3;
    private static final Pattern PAGE_PARAM = Pattern.compile("([?&])page=2(&|$)");
    private static final Pattern PAGE_SIZE_PARAM = Pattern.compile("([?&])page_size=[^&]*");
    private static final Pattern PAGE_SIZE_VALUE = Pattern.compile("[?&]page_size=(\\d{1,9})(?:&|$)");

    private final int concurrency;
    private final long maxObjects;

    /** A pager for lists of up to {@link WaldurClientConfig#DEFAULT_MAX_LIST_OBJECTS} objects. */
    Pager(int concurrency) {
        this(concurrency, WaldurClientConfig.DEFAULT_MAX_LIST_OBJECTS);
    }

    Pager(int concurrency, long maxObjects) {
        this.concurrency = concurrency;
        this.maxObjects = maxObjects;
    }

    /**
     * Fetches the list at {@code first} page by page, hands each page (without objects it already
     * handed over) to {@code accept} in order and returns how many objects there were.
     */
    <P extends ListPage<P>> long forEach(String path, URI first, ListListener listener, Function<URI, P> fetch,
            Consumer<P> accept) {
        DistinctObjects distinct = new DistinctObjects();
        Consumer<P> once = page -> accept.accept(distinct.admit(page));
        long total = walk(path, first, listener, fetch, once, concurrency);
        if (distinct.repeated() == 0) {
            return distinct.count();
        }
        int passes = 0;
        if (total >= 0 && distinct.allIdentified()) {
            URI sequential = withLargestPages(first);
            while (passes < RECOVERY_PASSES && distinct.count() < total) {
                long again = walk(path, sequential, ListListener.NONE, fetch, once, 1);
                if (again != total) {
                    throw changed(path, total, again);
                }
                passes++;
            }
            if (distinct.count() == total) {
                return total;
            }
        }
        throw new InvalidResponseException("GET", first.getPath(), 200, "the list " + collection(path) + " gave "
                + distinct.count() + " distinct objects of " + (total < 0 ? "an unknown total" : total)
                + " after " + passes + " sequential retries (" + distinct.repeated()
                + " came twice): its ordering is not stable between pages; run again");
    }

    private static String collection(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code first} asking for Waldur's largest page, so a walk crosses as few page boundaries as it can. */
    static URI withLargestPages(URI first) {
        String url = first.toString();
        String size = "page_size=" + WaldurClientConfig.MAX_PAGE_SIZE;
        if (PAGE_SIZE_PARAM.matcher(url).find()) {
            return URI.create(PAGE_SIZE_PARAM.matcher(url).replaceFirst("$1" + size));
        }
        return URI.create(url + (first.getRawQuery() == null ? "?" : "&") + size);
    }

    /** One walk over every page; returns the {@code X-Result-Count} total, -1 when there was none. */
    private <P extends ListPage<P>> long walk(String path, URI first, ListListener listener, Function<URI, P> fetch,
            Consumer<P> accept, int concurrency) {
        Bounds bounds = new Bounds(first, maxObjects);
        P page = fetch.apply(first);
        long total = page.resultCount().orElse(-1);
        bounds.checkTotal(total);
        long fetched = bounds.admit(first, page, 0);
        accept.accept(page);
        listener.onPage(fetched, total);
        URI next = page.links().next().orElse(null);
        if (next != null && total > 0 && concurrency > 1 && PAGE_PARAM.matcher(next.toString()).find()) {
            fetched += fetchRemainingInParallel(path, next, page.size(), total, fetched, listener, fetch, accept,
                    concurrency, bounds);
            next = null;
        }
        Set<URI> seen = new HashSet<>();
        seen.add(first);
        while (next != null) {
            if (!seen.add(next)) {
                throw new InvalidResponseException("GET", next.getPath(), 200,
                        "pagination loops: the next link " + next.getRawQuery() + " was already visited");
            }
            page = fetch.apply(next);
            checkTotal(path, total, page);
            fetched = bounds.admit(next, page, fetched);
            accept.accept(page);
            listener.onPage(fetched, total);
            next = page.links().next().orElse(null);
        }
        if (total >= 0 && fetched != total) {
            throw new InvalidResponseException("GET", first.getPath(), 200,
                    "received " + fetched + " objects but X-Result-Count said " + total + "; run again");
        }
        return total;
    }

    private <P extends ListPage<P>> long fetchRemainingInParallel(String path, URI secondPage, int pageSize,
            long total, long fetchedBefore, ListListener listener, Function<URI, P> fetch, Consumer<P> accept,
            int concurrency, Bounds bounds) {
        if (pageSize <= 0) {
            throw new InvalidResponseException("GET", path, 200, "the first page is empty but a next page is linked");
        }
        int pages = (int) ((total + pageSize - 1) / pageSize);
        String template = secondPage.toString();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "tally-page-fetch");
            t.setDaemon(true);
            return t;
        });
        long fetched = 0;
        try {
            // A window of pages in flight; delivered strictly in page order.
            List<Future<P>> window = new ArrayList<>();
            List<URI> urls = new ArrayList<>();
            int nextToSubmit = 2;
            while (nextToSubmit <= pages || !window.isEmpty()) {
                while (nextToSubmit <= pages && window.size() < concurrency * 2) {
                    URI url = URI.create(PAGE_PARAM.matcher(template).replaceFirst("$1page=" + nextToSubmit + "$2"));
                    window.add(pool.submit(() -> fetch.apply(url)));
                    urls.add(url);
                    nextToSubmit++;
                }
                P done = await(window.remove(0), path);
                checkTotal(path, total, done);
                fetched = bounds.admit(urls.remove(0), done, fetchedBefore + fetched) - fetchedBefore;
                accept.accept(done);
                listener.onPage(fetchedBefore + fetched, total);
            }
        } finally {
            pool.shutdownNow();
        }
        return fetched;
    }

    /**
     * The bounds of one walk: the {@code page_size} its first URL asked for (Waldur's largest when it
     * names none) and the most objects, and so pages, a list may have.
     */
    private static final class Bounds {
        private final URI first;
        private final long maxObjects;
        private final int pageSize;
        private final long maxPages;
        private long pages;

        Bounds(URI first, long maxObjects) {
            this.first = first;
            this.maxObjects = maxObjects;
            Matcher m = PAGE_SIZE_VALUE.matcher(first.toString());
            this.pageSize = m.find() ? Math.max(1, Math.min(Integer.parseInt(m.group(1)), WaldurClientConfig.MAX_PAGE_SIZE))
                    : WaldurClientConfig.MAX_PAGE_SIZE;
            // the ceiling of maxObjects / pageSize, written so that a limit near Long.MAX_VALUE cannot overflow
            this.maxPages = maxObjects / pageSize + (maxObjects % pageSize == 0 ? 0 : 1);
        }

        void checkTotal(long total) {
            if (total > maxObjects) {
                throw refused(first, "X-Result-Count says " + total + " objects; the limit is " + maxObjects
                        + " objects per list");
            }
        }

        /** Counts {@code page}, fetched from {@code url}, after {@code before} objects; returns the new count. */
        long admit(URI url, ListPage<?> page, long before) {
            if (page.size() > pageSize) {
                throw refused(url, "a page of " + page.size() + " objects, more than the page_size=" + pageSize + " asked for");
            }
            if (++pages > maxPages) {
                throw refused(url, "more than " + maxPages + " pages of page_size=" + pageSize
                        + " without reaching the end; the limit is " + maxObjects + " objects per list");
            }
            long now = before + page.size();
            if (now > maxObjects) {
                throw refused(url, "more than " + maxObjects + " objects without reaching the end; the limit is "
                        + maxObjects + " objects per list");
            }
            return now;
        }

        private static InvalidResponseException refused(URI url, String problem) {
            return new InvalidResponseException("GET", url.getPath(), 200, problem + " (at " + url + ")");
        }
    }

    private static <T> T await(Future<T> future, String path) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaldurApiException("GET", path, 0, "interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new WaldurApiException("GET", path, 0, String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static InvalidResponseException changed(String path, long total, long now) {
        return new InvalidResponseException("GET", path, 200,
                "the list changed during the harvest (X-Result-Count went from " + total + " to " + now + "); run again");
    }

    private static void checkTotal(String path, long total, ListPage<?> page) {
        long now = page.resultCount().orElse(total);
        if (now != total) {
            throw changed(path, total, now);
        }
    }
}
