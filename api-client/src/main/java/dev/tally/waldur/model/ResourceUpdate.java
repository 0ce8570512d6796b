package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * The editable fields of a resource, as {@code PUT/PATCH /api/marketplace-resources/{uuid}/} takes and
 * returns them. In a request, null fields are left out (PATCH) and so keep their current value.
 * {@code endDate} must not be in the past.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceUpdate(String name, String description, @JsonProperty("end_date") LocalDate endDate) {
    /** A rename, optionally with a new description (null keeps the current one). */
    public static ResourceUpdate rename(String name, String description) {
        return new ResourceUpdate(name, description, null);
    }
}
