package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A reported usage of one component of one resource in one billing month ({@code billingPeriod} is
 * the first of the month). {@code usage} arrives as an integer, a float or a decimal string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentUsage(
        @CanonicalUuid String uuid,
        String type,
        String name,
        BigDecimal usage,
        Instant date,
        @JsonProperty("billing_period") LocalDate billingPeriod,
        @JsonProperty("resource_uuid") @CanonicalUuid String resourceUuid,
        @JsonProperty("offering_uuid") @CanonicalUuid String offeringUuid,
        @JsonProperty("project_uuid") @CanonicalUuid String projectUuid,
        @JsonProperty("customer_uuid") @CanonicalUuid String customerUuid,
        Instant created) {

    /**
     * The billing month as its first day: {@code billing_period}, or when that is missing the UTC month
     * of {@code date}; null without either.
     */
    public LocalDate month() {
        if (billingPeriod != null) {
            return billingPeriod.withDayOfMonth(1);
        }
        return date == null ? null : LocalDate.ofInstant(date, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** When the usage was reported: {@code created}, else {@code date}; of two reports for one month the later counts. */
    public Instant reportedAt() {
        return created != null ? created : date;
    }
}
