package dev.tally.cli.reconcile;

/** A site file or mapping that cannot be read; the message is one line per problem, each starting with {@code FILE:LINE:}. */
public final class SiteFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SiteFileException(String where, int line, String problem) {
        super(where + ":" + line + ": " + problem);
    }

    /** Several problems, each already a FILE:LINE: line. */
    SiteFileException(String lines) {
        super(lines);
    }

    /** Every problem, one line each. */
    public java.util.List<String> lines() {
        return getMessage().lines().toList();
    }
}
