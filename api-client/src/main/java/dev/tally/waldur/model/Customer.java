package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An organisation; for LUMI, a national allocator such as DeiC or CSC. {@code country} is ISO-2 or null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Customer(
        @CanonicalUuid String uuid, String url, String name, String abbreviation, String country, Instant created) {
}
