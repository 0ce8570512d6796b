package dev.tally.cli.template;

/** A template that cannot be used; the message names the file, the line and what is wrong. */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
