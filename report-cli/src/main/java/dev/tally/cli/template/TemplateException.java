package dev.tally.cli.template;

import java.util.List;

/**
 * A template or config that cannot be used; each line names the file, the line and what is wrong. A file
 * is checked whole, so one exception may carry several lines, in the order they occur in the file
 * (docs/reliability.md, "Templates and configs").
 */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The path of the one problem this is, for {@link YamlTree#collect}; null when it is not one problem of a tree. */
    private final transient String path;
    private final List<String> lines;

    public TemplateException(String message) {
        this(null, List.of(message));
    }

    TemplateException(String path, List<String> lines) {
        super(String.join("\n", lines));
        this.path = path;
        this.lines = List.copyOf(lines);
    }

    /** Every problem, one line each; a single problem is one line. */
    public List<String> lines() {
        return lines;
    }

    String path() {
        return path;
    }
}
