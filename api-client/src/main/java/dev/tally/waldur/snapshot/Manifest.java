package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The table of contents of a snapshot, stored as {@code manifest.json}: where the data came from
 * (the API URL, never the token), when, by which tool version, and each collection's file, object
 * count and SHA-256 (of the gzipped file as stored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        String format,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("tool_version") String toolVersion,
        Map<String, Entry> collections,
        @JsonInclude(JsonInclude.Include.NON_NULL) Incremental incremental) {

    /** The format tag this code writes and reads. */
    public static final String FORMAT = "tally-snapshot/1";
    /** The manifest's file name inside a snapshot directory. */
    public static final String FILE_NAME = "manifest.json";

    /** The manifest of a full harvest. */
    public Manifest(String format, String apiUrl, Instant startedAt, Instant finishedAt, String toolVersion,
            Map<String, Entry> collections) {
        this(format, apiUrl, startedAt, finishedAt, toolVersion, collections, null);
    }

    public Manifest {
        Objects.requireNonNull(collections, "collections");
        // Insertion order is kept so manifest.json lists collections in harvest order.
        collections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(collections));
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
