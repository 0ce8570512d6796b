package dev.tally.core.quality;

import dev.tally.core.check.Checks;


/**
 * One data-quality finding.
 *
 * @param subject what it is about: a resource, order or offering UUID (or name when no UUID is known)
 * @param message one sentence naming the values involved
 */
public record Finding(FindingKind kind, String subject, String message) {
    public Finding {
        Checks.nonNull("kind, subject, message", kind, subject, message);
    }

    /** The severity of this finding's kind. */
    public Severity severity() {
        return kind.severity();
    }
}
