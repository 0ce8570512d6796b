package dev.tally.cli.report.publish;

import dev.tally.cli.render.SafePaths;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination folder pattern such as {@code /share/lumi/{yyyy}/{MM}/}: {@code {yyyy}} the year,
 * {@code {MM}} the two-digit month, {@code {template}} the template name. The part before the first
 * placeholder is the root, where the lock file and the staging folder live.
 */
public final class DestinationPattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private DestinationPattern() {
    }

    /** Rejects unknown placeholders and unmatched braces in a destination. */
    public static void check(String pattern) {
        check(pattern, List.of("yyyy", "MM", "template"));
    }

    /** The same for the {@code snapshots:} folder, which is named by the month alone. */
    public static void checkSnapshots(String pattern) {
        check(pattern, List.of("yyyy", "MM"));
    }

    private static void check(String pattern, List<String> allowed) {
        String use = "; use " + String.join(", ", allowed.stream().map(a -> "{" + a + "}").toList());
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + pattern + "'" + use);
            }
        }
        String rest = PLACEHOLDER.matcher(pattern).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new IllegalArgumentException("unmatched '" + (rest.contains("{") ? "{" : "}") + "' in '" + pattern + "'" + use);
        }
    }

    /**
     * The folder for one template and month. It must stay inside {@link #root}, where the lock is
     * taken: the template name must be one plain folder name, and a {@code ..} after a placeholder
     * must not climb out of the root; otherwise an {@link IllegalArgumentException} (docs/export.md).
     */
    public static Path resolve(String pattern, YearMonth month, String template) {
        if (pattern.contains("{template}")) {
            SafePaths.child(Path.of("."), template);
        }
        Path folder = Path.of(pattern.replace("{yyyy}", String.format("%04d", month.getYear()))
                .replace("{MM}", String.format("%02d", month.getMonthValue())).replace("{template}", template));
        SafePaths.requireInside(root(pattern), folder, "destination '" + pattern + "' gives");
        return folder;
    }

    /**
     * Checks before any work that {@link #resolve} will accept {@code template} for every month: months
     * only put digits into the path, so one month stands for all of them.
     */
    public static void checkFor(String pattern, String template) {
        resolve(pattern, YearMonth.of(2000, 1), template);
    }

    /** The fixed folder above every placeholder. */
    public static Path root(String pattern) {
        int brace = pattern.indexOf('{');
        String fixed = brace < 0 ? pattern : pattern.substring(0, brace);
        int slash = fixed.lastIndexOf('/');
        if (brace >= 0) {
            fixed = slash < 0 ? "." : fixed.substring(0, Math.max(slash, 1));
        }
        return Path.of(fixed.isEmpty() ? "." : fixed);
    }
}
