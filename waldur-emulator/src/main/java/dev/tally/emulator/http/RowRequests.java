package dev.tally.emulator.http;

import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Store;

/**
 * What the write endpoints that act on stored rows share: the store, and finding the row a request names as the
 * collection's read endpoint finds it (404 for a malformed, absent or invisible UUID).
 */
abstract class RowRequests {
    // The read views that the write endpoints find rows through, one of each: a view is a fixed definition,
    // the same for every store.
    static final Endpoint CUSTOMERS = Endpoints.customers();
    static final Endpoint PROJECTS = Endpoints.projects();
    static final Endpoint ORDERS = Endpoints.orders();
    static final Endpoint RESOURCES = Endpoints.resources();

    final Store store;

    RowRequests(Store store) {
        this.store = store;
    }

    /** The stored row of {@code endpoint}'s collection that {@code rawUuid} names, or that endpoint's 404. */
    final JsonRow find(Endpoint endpoint, Request request, String rawUuid) {
        return endpoint.findStored(store, request, rawUuid);
    }
}
