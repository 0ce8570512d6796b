package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (docs/reliability.md, "Proof"): every case under {@code src/test/resources/bad-input/}
 * runs tally in-process and must give its exit code and a one-line message containing the expected text, with
 * no Java class name or stack trace, and leave no file behind (the case's folder holds exactly what the
 * case put there, and no {@code tally-*} folder is left in the temporary directory).
 *
 * <p>A case is one line, {@code EXIT | MESSAGE | ARGUMENTS | SETUP}: arguments are split at spaces, except
 * inside single quotes; {@code {dir}} is the case's folder, {@code {snapshot}} a small valid snapshot and
 * {@code \n} a newline. The optional setup writes files first: {@code file NAME=TEXT} (several joined by
 * {@code ;;}), or damages a copy of the snapshot at {@code {dir}/snap}: {@code line COLLECTION N TEXT} (line N
 * replaced, checksum and count kept true, so the reader meets the damage), {@code append COLLECTION TEXT}, {@code dup COLLECTION N} (line N again at the end), {@code field COLLECTION N
 * NAME JSON} (one field of line N set), {@code count COLLECTION N} (the manifest's count),
 * {@code bytes COLLECTION TEXT} (the whole file, not gzip), {@code drop COLLECTION} (the file and its entry
 * removed), {@code manifest TEXT} (manifest.json replaced), {@code stale COLLECTION} (the file changed, its
 * checksum not).
 */
class BadInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    static Path shared;
    static Path snapshot;

    record Case(String source, int exit, String message, String args, String setup) {
        @Override
        public String toString() {
            return source + ": " + args;
        }
    }

    /** The demo snapshot with at most {@link #KEEP} objects per collection, so that each case reads it quickly. */
    @BeforeAll
    static void smallSnapshot() throws Exception {
        snapshot = shared.resolve("snapshot");
        copy(DemoSnapshot.get(), snapshot);
        try (Stream<Path> s = Files.list(snapshot)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jsonl.gz")).toList()) {
                rewrite(snapshot, p.getFileName().toString().replace(".jsonl.gz", ""),
                        lines -> lines.subList(Math.min(KEEP, lines.size()), lines.size()).clear(), true);
            }
        }
    }

    private static final int KEEP = 400;

    @AfterAll
    static void nothingLeftInTheTemporaryFolder() throws IOException {
        // the export's own temporary folders (tally-export-*) must be gone, whatever the case did
        try (Stream<Path> s = Files.list(TMP)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tally-export-"))).isEmpty();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String file : List.of("arguments", "templates", "configs", "entitlements", "snapshots")) {
            String name = "bad-input/" + file + ".cases";
            try (InputStream in = BadInputCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (l.isBlank() || l.startsWith("#")) {
                        continue;
                    }
                    String[] parts = l.split(" \\| ", 4);
                    out.add(new Case(file + ".cases:" + (i + 1), Integer.parseInt(parts[0].strip()), parts[1].strip(),
                            parts[2].strip(), parts.length > 3 ? parts[3].strip() : ""));
                }
            }
        }
        return out;
    }

    /** The file of a {@code FILE:LINE:COLUMN: problem} line, after an export log's time and name when there is one. */
    private static final Pattern FILE_LINE = Pattern.compile("^(?:\\S+ tally export: )?(.+?):\\d+:\\d+: ");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineAndNothingLeft(Case c, @TempDir Path dir) throws Exception {
        // (or, for exit 0, accepted with the figure or warning the case names)
        setUp(c.setup(), dir);
        Map<String, String> before = tree(dir);
        String[] args = split(expand(c.args(), dir)).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err), args);

        // a warning (a token file others can read) may come first; the refusal is the line after it
        List<String> lines = err.toString().lines().dropWhile(l -> l.startsWith("tally: warning: ")).toList();
        String report = c + "\nstdout: " + out + "\nstderr: " + err;
        assertThat(code).as(report).isEqualTo(c.exit());
        if (c.exit() == 0) {
            // accepted input: the answer (or a warning about it) is what the case says; stderr holds warnings only
            assertThat(out + err.toString()).as(report).contains(expand(c.message(), dir));
            assertThat(err.toString().lines()).as(report).allMatch(l -> l.startsWith("tally: warning: "));
            // an accepted read may leave the snapshot's derived cache behind (docs/cache.md), and nothing else
            assertThat(withoutCache(tree(dir))).as("files after " + report).isEqualTo(withoutCache(before));
            return;
        }
        assertThat(lines).as(report).isNotEmpty();
        assertThat(lines.get(0)).as(report).contains(expand(c.message(), dir));
        // one line; a usage error may add picocli's pointer to --help and its suggestions, and a template or config
        // with several problems lists the others after the first, each in the same FILE:LINE:COLUMN form
        String first = lines.get(0);
        Matcher place = FILE_LINE.matcher(first);
        String file = place.find() ? place.group(1) : null;
        assertThat(lines.subList(1, lines.size())).as(report)
                .allMatch(l -> l.startsWith("Try '") || l.startsWith("Did you mean") || l.startsWith("Possible solutions")
                        || l.startsWith("        ") || file != null && l.matches("(?:\\S+ tally export: )?" + Pattern.quote(file) + ":\\d+:\\d+: .*"));
        assertThat(err.toString() + out).as(report).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("java.").doesNotContain("com.fasterxml");
        // a refusal leaves every file as it was; only the record of files whose checksums matched may be refreshed,
        // since that holds whatever the command then found wrong (docs/cache.md, "Files already checked")
        assertThat(withoutRecord(tree(dir))).as("files after " + report).isEqualTo(withoutRecord(before));
    }

    private static void setUp(String setup, Path dir) throws Exception {
        if (setup.isEmpty()) {
            return;
        }
        if (setup.startsWith("bytesfile ")) {
            String[] f = setup.substring(10).split("=", 2);
            Files.write(dir.resolve(f[0]), HexFormat.of().parseHex(f[1]));
            return;
        }
        if (setup.startsWith("file ")) {
            for (String f : setup.substring(5).split(";;")) {
                int eq = f.indexOf('=');
                Path p = dir.resolve(f.substring(0, eq).strip());
                Files.createDirectories(p.getParent());
                Files.writeString(p, expand(f.substring(eq + 1), dir));
            }
            return;
        }
        Path snap = dir.resolve("snap");
        copy(snapshot, snap);
        String[] w = setup.split(" ", 2);
        String[] rest = w.length > 1 ? w[1].split(" ", 3) : new String[0];
        switch (w[0]) {
            case "line" -> rewrite(snap, rest[0], lines -> lines.set(Integer.parseInt(rest[1]) - 1, unescape(rest[2])), true);
            case "dup" -> rewrite(snap, rest[0], lines -> lines.add(lines.get(Integer.parseInt(rest[1]) - 1)), true);
            case "append" -> rewrite(snap, rest[0], lines -> lines.add(unescape(w[1].split(" ", 2)[1])), true);
            case "stale" -> rewrite(snap, rest[0], lines -> lines.remove(0), false);
            case "bytes" -> {
                Files.writeString(snap.resolve(rest[0] + ".jsonl.gz"), unescape(w[1].split(" ", 2)[1]));
                fixEntry(snap, rest[0], null);
            }
            case "drop" -> {
                Files.delete(snap.resolve(rest[0] + ".jsonl.gz"));
                ObjectNode m = (ObjectNode) JSON.readTree(snap.resolve("manifest.json").toFile());
                ((ObjectNode) m.get("collections")).remove(rest[0].replace('-', '_'));
                ((ObjectNode) m.get("collections")).remove(rest[0]);
                JSON.writeValue(snap.resolve("manifest.json").toFile(), m);
            }
            case "field" -> {
                String[] f = rest[2].split(" ", 2);
                rewrite(snap, rest[0], lines -> lines.set(Integer.parseInt(rest[1]) - 1, withField(lines.get(Integer.parseInt(rest[1]) - 1),
                        f[0], f[1])), true);
            }
            case "count" -> {
                ObjectNode m = (ObjectNode) JSON.readTree(snap.resolve("manifest.json").toFile());
                ((ObjectNode) m.get("collections").get(rest[0])).put("count", Long.parseLong(rest[1]));
                JSON.writeValue(snap.resolve("manifest.json").toFile(), m);
            }
            case "manifest" -> Files.writeString(snap.resolve("manifest.json"), unescape(w[1]));
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        }
    }

    /** One JSON line with {@code field} set to the JSON {@code value}. */
    private static String withField(String line, String field, String value) {
        try {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.set(field, JSON.readTree(value));
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Edit {
        void apply(List<String> lines);
    }

    /** Rewrites one collection's lines; with {@code fix}, its manifest entry is made true again. */
    private static void rewrite(Path snap, String collection, Edit edit, boolean fix) throws IOException {
        Path file = snap.resolve(collection + ".jsonl.gz");
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        edit.apply(lines);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
        if (fix) {
            fixEntry(snap, collection, (long) lines.size());
        }
    }

    private static void fixEntry(Path snap, String collection, Long count) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(snap.resolve("manifest.json").toFile());
        var it = m.get("collections").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().get("file").asText().equals(collection + ".jsonl.gz")) {
                ObjectNode entry = (ObjectNode) e.getValue();
                entry.put("sha256", sha256(snap.resolve(collection + ".jsonl.gz")));
                if (count != null) {
                    entry.put("count", count);
                }
            }
        }
        JSON.writeValue(snap.resolve("manifest.json").toFile(), m);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expand(String text, Path dir) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{x(\\d+)}").matcher(text);
        String long_ = m.find() ? m.replaceAll(r -> "x".repeat(Integer.parseInt(r.group(1)))) : text;
        return unescape(long_.replace("{dir}", dir.toString()).replace("{snapshot}", snapshot.toString()));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\e", "\u001b");
    }

    /** Space-separated words; single quotes keep spaces, and {@code ''} is an empty argument. */
    static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (char ch : args.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                started = true;
            } else if (ch == ' ' && !quoted) {
                if (started) {
                    out.add(word.toString());
                }
                word.setLength(0);
                started = false;
            } else {
                word.append(ch);
                started = true;
            }
        }
        if (started) {
            out.add(word.toString());
        }
        return out;
    }

    /** Every file under {@code dir} with a digest of its bytes, so both new files and changed ones show. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? sha256(p) : "dir");
            }
        }
        return m;
    }

    private static Map<String, String> withoutCache(Map<String, String> tree) {
        Map<String, String> m = new TreeMap<>(tree);
        m.keySet().removeIf(k -> Arrays.asList(k.split("/")).contains(".tally-cache"));
        return m;
    }

    private static Map<String, String> withoutRecord(Map<String, String> tree) {
        Map<String, String> m = new TreeMap<>(tree);
        m.keySet().removeIf(k -> k.endsWith(".tally-cache/verified.txt"));
        return m;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
