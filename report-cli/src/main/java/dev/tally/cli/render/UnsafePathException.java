package dev.tally.cli.render;

/**
 * A path from configuration or data would leave the folder it belongs in, or a name is not a plain
 * file name. A usage error: nothing was written.
 */
public final class UnsafePathException extends IllegalArgumentException {
    public UnsafePathException(String message) {
        super(message);
    }
}
