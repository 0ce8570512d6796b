package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/** A project of a customer. {@code backendId} carries the allocator's own project id on Puhuri. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(
        @CanonicalUuid String uuid,
        String url,
        String name,
        @JsonProperty("customer_uuid") @CanonicalUuid String customerUuid,
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("backend_id") String backendId,
        @JsonProperty("is_industry") Boolean isIndustry,
        @JsonProperty("oecd_fos_2007_code") String oecdFos2007Code,
        String kind,
        @JsonProperty("end_date") LocalDate endDate,
        Instant created) {
}
