package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README, docs/*.md and templates/ name only files that exist: every relative Markdown link (from the
 * file's own folder) and every repository path written out in the text ({@code docs/examples/x.yaml},
 * {@code bench/run.sh}, from the repository's root), with {@code {a,b}} expanded as a shell would.
 */
class DocReferencesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.<{-])((?:docs|templates|report-cli|reporting-core|api-client|waldur-emulator|bench|\\.ci)/[\\w./{},-]*[\\w}])");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*,[^{}]*)\\}");
    /** Files a script or the build writes, named in the docs as where to look, not kept in the repository. */
    private static final Set<String> OUTPUTS = Set.of("bench/reliability-results.md");

    @Test
    void everyReferencedFileExists() throws IOException {
        assertThat(ROOT.resolve("pom.xml")).exists();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("templates/README.md")));
        files.addAll(list("docs", ".md"));
        files.addAll(list("templates", ".yaml"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            for (Matcher m = LINK.matcher(text); m.find();) {
                String target = m.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    checked++;
                    if (!Files.exists(f.getParent().resolve(target).normalize())) {
                        missing.add(ROOT.relativize(f) + ": link " + target);
                    }
                }
            }
            for (Matcher m = REPO_PATH.matcher(text); m.find();) {
                for (String p : expand(m.group(1))) {
                    if (p.contains("target/") || p.contains("...") || OUTPUTS.contains(p)) {
                        continue;
                    }
                    checked++;
                    if (!Files.exists(ROOT.resolve(p))) {
                        missing.add(ROOT.relativize(f) + ": " + p);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    /** {@code a.{x,y}} → {@code a.x}, {@code a.y}. */
    static List<String> expand(String path) {
        Matcher m = BRACES.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        List<String> out = new ArrayList<>();
        for (String alt : m.group(1).split(",", -1)) {
            out.addAll(expand(path.substring(0, m.start()) + alt + path.substring(m.end())));
        }
        return out;
    }

    private static List<Path> list(String folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
