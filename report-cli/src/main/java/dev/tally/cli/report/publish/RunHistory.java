package dev.tally.cli.report.publish;

import dev.tally.cli.render.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * {@code ROOT/tally-export-history.log}: one line per run that took the lock, so an operator can see
 * what ran when without the cron log (docs/export.md). Each append rewrites the file through
 * {@link AtomicFiles}: readers, and the next run, see the old history or the new one, never a half line,
 * also when the run or the disk fails while writing it. Call with the lock held.
 */
public final class RunHistory {
    public static final String FILE = "tally-export-history.log";

    private final Path file;
    private final AtomicFiles files;

    public RunHistory(Path root, AtomicFiles files) {
        this.file = root.resolve(FILE);
        this.files = files;
    }

    /** How a run ended, as its history line says it. */
    public enum Result {
        PUBLISHED("published"), PUBLISHED_WITH_ERRORS("published-with-errors"), FAILED("failed");

        private final String word;

        Result(String word) {
            this.word = word;
        }
    }

    /** One run: when it ended, the month, the templates, how many files it published, how it ended and its exit code. */
    public record Entry(Instant when, YearMonth month, List<String> templates, int files, Result result, int exitCode) {
        public Entry {
            templates = List.copyOf(templates);
        }

        /**
         * {@code 2026-11-02T06:00:00Z month=2026-10 templates=a,b files=7 result=published exit=0}; a
         * space or control character in a template name becomes {@code _}, so each line stays one line
         * of space-separated fields.
         */
        String line() {
            List<String> names = templates.stream().map(t -> t.replaceAll("[\\s\\p{Cntrl},]", "_")).toList();
            return when + " month=" + month + " templates=" + String.join(",", names) + " files=" + files
                    + " result=" + result.word + " exit=" + exitCode;
        }
    }

    /** Appends {@code entry}; a history that is a folder or a link is refused, not replaced. */
    public void append(Entry entry) throws IOException {
        Publisher.checkReplaceable(file);
        byte[] old = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : new byte[0];
        // a history edited by hand may lack its last newline; the new line still starts a line
        String sep = old.length > 0 && old[old.length - 1] != '\n' ? "\n" : "";
        byte[] line = (sep + entry.line() + "\n").getBytes(StandardCharsets.UTF_8);
        files.write(file, out -> {
            out.write(old);
            out.write(line);
        });
    }
}
