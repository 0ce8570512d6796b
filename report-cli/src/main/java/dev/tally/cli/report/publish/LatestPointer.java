package dev.tally.cli.report.publish;

import dev.tally.cli.render.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ROOT/latest}: a small text file naming the folder(s) the last successful run published, relative
 * to the root, one per line, e.g. {@code 2026/10}. A text file rather than a symbolic link, since shared
 * drives (SMB) often cannot hold links (docs/export.md). Replaced atomically, after the reports.
 */
public final class LatestPointer {
    public static final String FILE = "latest";

    private final Path root;
    private final AtomicFiles files;

    public LatestPointer(Path root, AtomicFiles files) {
        this.root = root.toAbsolutePath().normalize();
        this.files = files;
    }

    /** Points at {@code folders}, which lie inside the root; {@code .} is the root itself. */
    public void pointTo(List<Path> folders) throws IOException {
        Path file = root.resolve(FILE);
        Publisher.checkReplaceable(file);
        String text = folders.stream().map(f -> root.relativize(f.toAbsolutePath().normalize()).toString())
                .map(r -> r.isEmpty() ? "." : r.replace('\\', '/')).distinct().collect(Collectors.joining("\n", "", "\n"));
        files.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
