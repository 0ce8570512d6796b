package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * One line of a monthly invoice (docs/waldur.md, "Invoice items"): what Waldur billed a resource for one component
 * over part or all of a month. {@code price} is a float in Waldur 8.0.5 and absent in 2024; {@code unit_price} and
 * {@code quantity} are decimal strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceItem(
        @CanonicalUuid String uuid,
        String name,
        BigDecimal price,
        @JsonProperty("unit_price") BigDecimal unitPrice,
        BigDecimal quantity,
        String unit,
        Instant start,
        Instant end,
        @JsonProperty("resource_uuid") @CanonicalUuid String resourceUuid,
        @JsonProperty("project_uuid") @CanonicalUuid String projectUuid,
        @JsonProperty("billing_type") String billingType,
        Details details) {

    /** The part of {@code details} Tally reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(@JsonProperty("offering_component_type") String componentType) {
    }


    /** The billed amount: {@code price}, or {@code unit_price × quantity} where the price is absent; null without either. */
    public BigDecimal amount() {
        if (price != null) {
            return price;
        }
        return unitPrice == null || quantity == null ? null : unitPrice.multiply(quantity);
    }

    /** The invoice's month: the UTC month of {@code start}; null without it. */
    public YearMonth month() {
        return start == null ? null : YearMonth.from(start.atZone(ZoneOffset.UTC));
    }

    /** The component billed, or null for items that are not per component (a plan's fixed price). */
    public String component() {
        return details == null ? null : details.componentType();
    }
}
