package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An asynchronous marketplace-script dry run ({@code /api/marketplace-script-async-dry-run/{uuid}/}).
 * {@code state} is numeric (1 pending, 2 executing, 3 done, 4 erred; docs/waldur.md, Enumerations) and
 * {@code stateDisplay} its name; {@code output} is the script's stdout, empty until it finishes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DryRun(
        @CanonicalUuid String uuid,
        String url,
        int state,
        @JsonProperty("get_state_display") String stateDisplay,
        @JsonProperty("order_type") String orderType,
        @JsonProperty("order_offering") String orderOffering,
        @JsonProperty("order_attributes") JsonNode orderAttributes,
        String output,
        Instant created) {
    /** Dry-run state {@code done}. */
    public static final int DONE = 3;
    /** Dry-run state {@code erred}. */
    public static final int ERRED = 4;


    /** Done or erred: polling can stop. */
    public boolean isFinished() {
        return state == DONE || state == ERRED;
    }
}
