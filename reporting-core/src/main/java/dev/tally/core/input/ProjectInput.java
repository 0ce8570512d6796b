package dev.tally.core.input;

import dev.tally.core.check.Checks;
import dev.tally.core.fact.Flag;

/**
 * A project as Waldur lists it, with what the core reads from it.
 *
 * @param fieldOfScience the OECD FOS 2007 code ({@code "1.1"}), or null or blank when not set
 * @param isIndustry     the project's own {@code is_industry}, checked against the allocations' LUMI option
 *                       (docs/definitions.md, "Two is_industry flags"); unknown when the project does not say
 */
public record ProjectInput(String uuid, String fieldOfScience, Flag isIndustry) {
    public ProjectInput {
        Checks.nonNull("uuid, isIndustry", uuid, isIndustry);
    }

    /** A project whose {@code is_industry} is unknown. */
    public ProjectInput(String uuid, String fieldOfScience) {
        this(uuid, fieldOfScience, Flag.UNKNOWN);
    }
}
