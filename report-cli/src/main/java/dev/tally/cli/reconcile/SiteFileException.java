package dev.tally.cli.reconcile;

/** A site file or mapping that cannot be read; the message is one line starting with {@code FILE:LINE:}. */
public final class SiteFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SiteFileException(String where, int line, String problem) {
        super(where + ":" + line + ": " + problem);
    }
}
