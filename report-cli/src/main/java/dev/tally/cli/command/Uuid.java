package dev.tally.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** UUID arguments: 32 hex characters, hyphens allowed (Waldur accepts both, docs/waldur.md, Conventions). */
final class Uuid {
    private Uuid() {
    }

    /** The UUID without hyphens, lower-case; a usage error naming the value otherwise. */
    static String check(CommandLine cmd, String text) {
        String hex = text == null ? "" : text.strip().replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}")) {
            throw new ParameterException(cmd, "not a UUID: '" + text + "' (expected 32 hex characters, hyphens allowed)");
        }
        return hex;
    }
}
