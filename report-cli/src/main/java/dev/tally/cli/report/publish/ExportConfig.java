package dev.tally.cli.report.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.template.YamlSchema;
import dev.tally.cli.template.YamlTree;
import dev.tally.waldur.WaldurClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code tally export} does, read from YAML (docs/export.md):
 * <pre>
 * url: https://puhuri-core.neic.no/api/     # harvest from here ...
 * token_file: /etc/tally/token
 * snapshot: tally-demo/snapshot             # ... or report from an existing snapshot instead
 * snapshots: /var/lib/tally/snapshots/{yyyy}-{MM}   # where harvests are kept (default: a temporary folder)
 * templates: [monthly-consortium, funder-country-share]
 * formats: [xlsx, csv, png, svg]
 * destination: /share/lumi/{yyyy}/{MM}/
 * month: previous                           # or YYYY-MM
 * file_mode: "0640"                         # published files (default: what the umask gives)
 * dir_mode: "0750"                          # folders the export creates (default: the umask)
 * history: {dir: /var/lib/tally/history, keep: 3}   # keep each run's snapshot (default: none kept)
 * incremental: true                         # refresh the snapshot already in 'snapshots' instead of a full harvest
 * </pre>
 * Relative paths are resolved against the config file's folder.
 */
public record ExportConfig(URI url, Path tokenFile, boolean allowInsecureHttp, Path snapshot, String snapshots,
        List<String> templates, Set<OutputFormat> formats, String destination, YearMonth month, Path entitlements,
        boolean excelBom, boolean strict, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> dirMode,
        HistoryConfig history, boolean incremental) {
    private static final Set<PosixFilePermission> OWNER_FILE = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_DIR = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    // Every key a config may hold and its type; adding a setting is one line here (YamlSchema).
    private static final YamlSchema SCHEMA = YamlSchema.mapping()
            .text("url")
            .text("token_file")
            .flag("allow_insecure_http")
            .text("snapshot")
            .text("snapshots")
            .names("templates")
            .names("formats")
            .text("destination")
            .text("month")
            .text("entitlements")
            .flag("excel_bom")
            .flag("strict")
            .text("file_mode")
            .text("dir_mode")
            .mapping("history", YamlSchema.mapping().text("dir").whole("keep", 1, HistoryConfig.MAX_KEEP))
            .flag("incremental");

    public ExportConfig {
        templates = List.copyOf(templates);
        formats = Set.copyOf(formats);
        fileMode = fileMode == null ? null : Set.copyOf(fileMode);
        dirMode = dirMode == null ? null : Set.copyOf(dirMode);
    }

    /** Reads and checks a config file; messages name the file and line. */
    public static ExportConfig read(Path file) throws IOException {
        YamlTree tree = YamlTree.read(file);
        JsonNode root = tree.root();
        Path base = file.toAbsolutePath().getParent();
        if (!root.isObject()) {
            tree.failIfProblems();
            throw tree.error("", "an export config is a mapping with templates and destination");
        }
        SCHEMA.check(tree);
        // the file is checked whole: each check reports to the tree, and every problem is listed at the end
        String url = text(root, "url");
        String snapshot = text(root, "snapshot");
        if ((url == null) == (snapshot == null) && !tree.hasProblem("url") && !tree.hasProblem("snapshot")) {
            tree.report("", "give either 'url' (harvest) or 'snapshot' (an existing snapshot), not "
                    + (url == null ? "neither" : "both"));
        }
        List<String> templates = list(root, "templates");
        if (templates.isEmpty()) {
            tree.report("templates", "'templates' needs at least one template");
        }
        for (int i = 0; i < templates.size(); i++) {
            if (templates.indexOf(templates.get(i)) < i) {
                tree.report("templates", "template '" + templates.get(i) + "' is listed twice");
            }
        }
        String destination = text(root, "destination");
        if (destination == null || destination.isBlank()) {
            tree.report(tree.missing("", "destination", "'destination' is required, e.g. /share/lumi/{yyyy}/{MM}/"));
        } else {
            checked(tree, "destination", () -> DestinationPattern.check(destination));
        }
        String snapshots = text(root, "snapshots");
        if (snapshots != null) {
            checked(tree, "snapshots", () -> DestinationPattern.checkSnapshots(snapshots));
        }
        List<String> formatNames = list(root, "formats");
        Set<OutputFormat> formats = null;
        try {
            formats = OutputFormat.parseReportFormats(formatNames.isEmpty() ? List.of("xlsx,csv,png") : formatNames);
        } catch (IllegalArgumentException e) {
            tree.report("formats", e.getMessage());
        }
        YearMonth month = null;
        String m = text(root, "month");
        if (m != null && !m.equals("previous")) {
            try {
                month = YearMonth.parse(m);
            } catch (DateTimeParseException e) {
                tree.report("month", "month '" + m + "' is not 'previous' or YYYY-MM");
            }
        }
        String token = text(root, "token_file");
        String ent = text(root, "entitlements");
        if (bool(root, "incremental") && (url == null || snapshots == null)) {
            // the previous harvest is the base of the next one, so it must be kept where the next run finds it
            tree.report("incremental", "'incremental: true' needs 'url' and "
                    + "'snapshots' (where the previous harvest is kept for the next one)");
        }
        URI uri = url == null ? null : tree.collect(() -> parseUrl(url, tree));
        Set<PosixFilePermission> fileMode = tree.collect(() -> mode(tree, "file_mode", OWNER_FILE));
        Set<PosixFilePermission> dirMode = tree.collect(() -> mode(tree, "dir_mode", OWNER_DIR));
        HistoryConfig history = tree.collect(() -> HistoryConfig.read(tree, base));
        tree.failIfProblems();
        return new ExportConfig(uri, token == null ? null : base.resolve(token),
                bool(root, "allow_insecure_http"), snapshot == null ? null : base.resolve(snapshot),
                snapshots == null ? null : resolvePattern(base, snapshots), templates, formats,
                resolvePattern(base, destination), month, ent == null ? null : base.resolve(ent), bool(root, "excel_bom"),
                bool(root, "strict"), fileMode, dirMode, history, bool(root, "incremental"));
    }

    /** Runs a check of the value at {@code key} that refuses it with an IllegalArgumentException, reporting the refusal. */
    private static void checked(YamlTree tree, String key, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            tree.report(key, e.getMessage());
        }
    }

    /**
     * An octal mode in quotes, or null when absent. Unquoted, YAML would read {@code 0640} as a number
     * (416 or 640, depending on the YAML version), so only a string is accepted. The owner must keep
     * what the export itself needs: read and write on files, and full access to folders.
     */
    private static Set<PosixFilePermission> mode(YamlTree tree, String key, Set<PosixFilePermission> owner) {
        JsonNode v = tree.root().get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw tree.error(key, "write '" + key + "' in quotes, e.g. " + key + ": \"0640\"");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = PosixModes.parse(v.asText().strip());
        } catch (IllegalArgumentException e) {
            throw tree.error(key, e.getMessage());
        }
        if (!mode.containsAll(owner)) {
            throw tree.error(key, v.asText().strip() + " takes from the owner what the export needs ("
                    + (owner.equals(OWNER_DIR) ? "7" : "6") + " in the first digit, e.g. \"0"
                    + (owner.equals(OWNER_DIR) ? "750" : "640") + "\")");
        }
        return mode;
    }

    /** The URL, or an error that shows it without a {@code user:password@} (docs/security.md). */
    private static URI parseUrl(String url, YamlTree tree) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw tree.error("url", "'url' is not a valid URL: " + WaldurClientConfig.withoutCredentials(url));
        }
        // a config error like any other in the file (exit 2, FILE:LINE), found before connecting; the message
        // names the host only, never the credentials (docs/security.md)
        if (uri.getRawUserInfo() != null) {
            throw tree.error("url", "the API URL for " + uri.getHost() + " carries a user name or password"
                    + " (user:password@host); remove it and give the token with token_file or WALDUR_TOKEN");
        }
        return uri;
    }

    private static String resolvePattern(Path base, String pattern) {
        return Path.of(pattern).isAbsolute() ? pattern : base.toString() + "/" + pattern;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.booleanValue();
    }

    private static List<String> list(JsonNode n, String key) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText().strip()));
        } else {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
