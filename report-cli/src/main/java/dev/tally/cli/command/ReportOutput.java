package dev.tally.cli.command;

import dev.tally.cli.render.OutputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code --format} and {@code --out} of {@code tally report}: which files a report is written as, and where (docs/reports.md). */
final class ReportOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT", defaultValue = "xlsx,csv,png",
            description = "Formats, comma-separated: xlsx, csv, png, svg. Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Directory for the files (created if missing). Default: ${DEFAULT-VALUE}.")
    Path dir;

    /** The formats given; a usage error names an unknown one, or none at all. */
    Set<OutputFormat> formats() {
        try {
            Set<OutputFormat> f = OutputFormat.parseReportFormats(formats);
            if (f.isEmpty()) {
                throw new IllegalArgumentException("--format needs at least one of xlsx, csv, png, svg");
            }
            return f;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
