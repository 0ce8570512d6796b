package dev.tally.core.input;

import java.util.Objects;

/**
 * A project as Waldur lists it, with what the core reads from it.
 *
 * @param fieldOfScience the OECD FOS 2007 code ({@code "1.1"}), or null or blank when not set
 */
public record ProjectInput(String uuid, String fieldOfScience) {
    public ProjectInput {
        Objects.requireNonNull(uuid, "uuid");
    }
}
