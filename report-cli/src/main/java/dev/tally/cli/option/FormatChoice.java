package dev.tally.cli.option;

import dev.tally.cli.render.OutputFormat;
import java.util.Iterator;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts and completes an option that takes some of the {@link OutputFormat}s, with the message
 * picocli gives for an enum of exactly those values, e.g. {@code expected one of [TABLE, CSV, JSON,
 * XLSX] (case-insensitive) but was 'png'}. A subclass per option names its formats, since picocli
 * makes converters with a no-argument constructor.
 */
public abstract class FormatChoice implements ITypeConverter<OutputFormat>, Iterable<String> {
    private final Set<OutputFormat> allowed;

    protected FormatChoice(Set<OutputFormat> allowed) {
        this.allowed = allowed;
    }

    @Override
    public OutputFormat convert(String value) {
        for (OutputFormat f : allowed) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new TypeConversionException("expected one of " + allowed + " (case-insensitive) but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return allowed.stream().map(OutputFormat::name).iterator();
    }
}
