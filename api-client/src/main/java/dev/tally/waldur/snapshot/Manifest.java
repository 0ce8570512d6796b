package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table of contents of a snapshot, stored as {@code manifest.json}: where the data came from
 * (the API URL, never the token), when, by which tool version, and each collection's file, object
 * count and SHA-256 (of the gzipped file as stored). {@code offerings_by_uuid} names the offerings that were not in
 * the public list but were fetched one by one because orders or resources name them (docs/waldur.md, "Offerings the
 * public list omits"); it is left out when there were none, and a manifest without it has none. {@code unavailable} names the optional collections the server
 * refused (collection → why, such as {@code HTTP 403}); it is left out of the file when empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        String format,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("tool_version") String toolVersion,
        Map<String, Entry> collections,
        @JsonProperty("offerings_by_uuid") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> offeringsByUuid,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> unavailable,
        @JsonInclude(JsonInclude.Include.NON_NULL) Incremental incremental) {

    /** The format tag this code writes and reads. */
    public static final String FORMAT = "tally-snapshot/1";
    /** The manifest's file name inside a snapshot directory. */
    public static final String FILE_NAME = "manifest.json";
    /**
     * The folder of derived files beside a snapshot's data (report-cli's cache, docs/cache.md): not listed in the
     * manifest, safe to delete, and replaced along with the snapshot by a harvest into the same directory.
     */
    public static final String CACHE_DIR = ".tally-cache";

    public Manifest {
        Objects.requireNonNull(collections, "collections");
        // Insertion order is kept so manifest.json lists collections in harvest order.
        collections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(collections));
        offeringsByUuid = offeringsByUuid == null ? List.of() : List.copyOf(offeringsByUuid);
        unavailable = unavailable == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unavailable));
    }

    /** The manifest of a full harvest that fetched no offering by UUID and found every collection available. */
    public Manifest(String format, String apiUrl, Instant startedAt, Instant finishedAt, String toolVersion,
            Map<String, Entry> collections) {
        this(format, apiUrl, startedAt, finishedAt, toolVersion, collections, List.of(), Map.of(), null);
    }

    /**
     * What an incremental harvest (docs/harvest.md) started from and fetched: the base snapshot (its directory and
     * start), the {@code modified} lower bound it asked for, the usage months it fetched, and per collection how.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Incremental(
            @JsonProperty("base") String base,
            @JsonProperty("base_started_at") Instant baseStartedAt,
            @JsonProperty("modified_since") Instant modifiedSince,
            @JsonProperty("usage_months") java.util.List<String> usageMonths,
            Map<String, Fetched> fetched) {
        public Incremental {
            usageMonths = java.util.List.copyOf(usageMonths);
            fetched = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fetched));
        }
    }

    /**
     * How one collection was refreshed: {@code how} is {@code whole}, {@code modified} or {@code billing_period};
     * {@code received} objects came in the lists, {@code by_uuid} were fetched one by one, {@code kept} came from
     * the base snapshot and {@code dropped} base objects are gone from the server.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fetched(String how, long received, @JsonProperty("by_uuid") long byUuid, long kept, long dropped) {
    }

    /** One collection's file: {@code orders.jsonl.gz}, how many objects it holds and its SHA-256 in hex. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String file, long count, String sha256) {
    }
}
