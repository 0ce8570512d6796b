package dev.tally.cli.render;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks for paths built from configuration or data, so that no name can reach outside the folder it
 * is meant for (docs/security.md, "Paths stay inside their roots"). Any command that writes files can
 * use it: {@link #child} for a file or folder name, {@link #requireInside} for a path built from a pattern.
 */
public final class SafePaths {
    /** Letters, digits, '.', '_' and '-', not starting with '.': no separators, no "..", no hidden files. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private SafePaths() {
    }

    /** {@code dir/name}, where {@code name} must be one plain path component; otherwise an {@link UnsafePathException}. */
    public static Path child(Path dir, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UnsafePathException("'" + InertText.escape(name) + "' cannot be used as a file or folder name;"
                    + " use letters, digits, '.', '_' and '-', not starting with '.'");
        }
        return dir.resolve(name);
    }

    /**
     * {@code path}, made absolute and normalised, if it lies inside {@code root} (or is the root);
     * otherwise an {@link UnsafePathException} naming both. {@code ..} is resolved before the check.
     */
    public static Path requireInside(Path root, Path path, String what) {
        Path r = root.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(r)) {
            throw new UnsafePathException(what + " " + p + " lies outside its root " + r
                    + "; remove the '..' that leads out of it");
        }
        return p;
    }
}
