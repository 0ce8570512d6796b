package dev.tally.waldur;

import dev.tally.waldur.model.Uuids;
import java.net.URI;

/** The URLs of one Waldur API: lists with this client's page size, objects and their actions by UUID. */
final class ApiUrls {
    private final URI apiUrl;
    private final int pageSize;

    ApiUrls(URI apiUrl, int pageSize) {
        this.apiUrl = apiUrl;
        this.pageSize = pageSize;
    }

    /** A list with filters and the page size. */
    URI list(String path, Query query) {
        Query q = query.and("page_size", Integer.toString(pageSize));
        return apiUrl.resolve(path + "?" + q.encode());
    }

    /** A collection or route itself, e.g. {@code marketplace-orders/}. */
    URI collection(String path) {
        return apiUrl.resolve(path);
    }

    /** An object, e.g. {@code marketplace-orders/<uuid>/}. */
    URI detail(String path, String uuid) {
        return apiUrl.resolve(path + Uuids.normalise(requireUuid(uuid)) + "/");
    }

    /** An action on an object, e.g. {@code marketplace-orders/<uuid>/approve_by_consumer/}. */
    URI action(String path, String uuid, String action) {
        return apiUrl.resolve(path + Uuids.normalise(requireUuid(uuid)) + "/" + action + "/");
    }

    /** The plan URL an order must carry: {@code /api/marketplace-public-offerings/<o>/plans/<p>/} (docs/waldur.md, Conventions). */
    URI plan(String offeringUuid, String planUuid) {
        return plans(offeringUuid).resolve(Uuids.normalise(requireUuid(planUuid)) + "/");
    }

    /** The public plans of an offering. */
    URI plans(String offeringUuid) {
        return action(WaldurCollection.OFFERINGS.path(), offeringUuid, "plans");
    }

    /** UUIDs go into URL paths, so only hex (with or without hyphens) is accepted. */
    static String requireUuid(String uuid) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F-]{32,36}") || uuid.replace("-", "").length() != 32) {
            throw new IllegalArgumentException("not a UUID: '" + uuid + "' (expected 32 hex characters, hyphens allowed)");
        }
        return uuid;
    }
}
