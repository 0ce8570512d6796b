package dev.tally.cli.report.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.YamlTree;
import dev.tally.waldur.WaldurClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
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
 * incremental: true                         # refresh the snapshot already in 'snapshots' instead of a full harvest
 * </pre>
 * Relative paths are resolved against the config file's folder.
 */
public record ExportConfig(URI url, Path tokenFile, boolean allowInsecureHttp, Path snapshot, String snapshots,
        List<String> templates, Set<OutputFormat> formats, String destination, YearMonth month, Path entitlements,
        boolean excelBom, boolean strict, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> dirMode,
        boolean incremental) {
    private static final Set<PosixFilePermission> OWNER_FILE = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_DIR = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    private static final Set<String> KEYS = Set.of("url", "token_file", "allow_insecure_http", "snapshot", "snapshots",
            "templates", "formats", "destination", "month", "entitlements", "excel_bom", "strict",
            "file_mode", "dir_mode", "incremental");

    /** A config without {@code incremental}. */
    public ExportConfig(URI url, Path tokenFile, boolean allowInsecureHttp, Path snapshot, String snapshots,
            List<String> templates, Set<OutputFormat> formats, String destination, YearMonth month, Path entitlements,
            boolean excelBom, boolean strict, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> dirMode) {
        this(url, tokenFile, allowInsecureHttp, snapshot, snapshots, templates, formats, destination, month, entitlements,
                excelBom, strict, fileMode, dirMode, false);
    }

    public ExportConfig {
        templates = List.copyOf(templates);
        formats = Set.copyOf(formats);
        fileMode = fileMode == null ? null : Set.copyOf(fileMode);
        dirMode = dirMode == null ? null : Set.copyOf(dirMode);
    }

    /** Reads and checks a config file; messages name the file and line. */
    public static ExportConfig read(Path file) throws IOException {
        String name = file.toString();
        YamlTree tree = YamlTree.parse(Files.readString(file, StandardCharsets.UTF_8), name);
        JsonNode root = tree.root();
        Path base = file.toAbsolutePath().getParent();
        if (!root.isObject()) {
            throw new TemplateException(name + ":1: an export config is a mapping with templates and destination");
        }
        Iterator<String> it = root.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new TemplateException(name + ":" + tree.line(k) + ": unknown key '" + k + "'; allowed: "
                        + KEYS.stream().sorted().toList());
            }
        }
        String url = text(root, "url");
        String snapshot = text(root, "snapshot");
        if ((url == null) == (snapshot == null)) {
            throw new TemplateException(name + ":1: give either 'url' (harvest) or 'snapshot' (an existing snapshot), not "
                    + (url == null ? "neither" : "both"));
        }
        List<String> templates = list(root, "templates");
        if (templates.isEmpty()) {
            throw new TemplateException(name + ":" + tree.line("templates") + ": 'templates' needs at least one template");
        }
        String destination = text(root, "destination");
        if (destination == null || destination.isBlank()) {
            throw new TemplateException(name + ":1: 'destination' is required, e.g. /share/lumi/{yyyy}/{MM}/");
        }
        try {
            DestinationPattern.check(destination);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(name + ":" + tree.line("destination") + ": " + e.getMessage());
        }
        List<String> formatNames = list(root, "formats");
        Set<OutputFormat> formats;
        try {
            formats = OutputFormat.parseReportFormats(formatNames.isEmpty() ? List.of("xlsx,csv,png") : formatNames);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(name + ":" + tree.line("formats") + ": " + e.getMessage());
        }
        YearMonth month = null;
        String m = text(root, "month");
        if (m != null && !m.equals("previous")) {
            try {
                month = YearMonth.parse(m);
            } catch (DateTimeParseException e) {
                throw new TemplateException(name + ":" + tree.line("month") + ": month '" + m + "' is not 'previous' or YYYY-MM");
            }
        }
        String token = text(root, "token_file");
        String ent = text(root, "entitlements");
        if (bool(root, "incremental") && (url == null || text(root, "snapshots") == null)) {
            // the previous harvest is the base of the next one, so it must be kept where the next run finds it
            throw new TemplateException(name + ":" + tree.line("incremental") + ": 'incremental: true' needs 'url' and "
                    + "'snapshots' (where the previous harvest is kept for the next one)");
        }
        return new ExportConfig(url == null ? null : parseUrl(url, name + ":" + tree.line("url")), token == null ? null : base.resolve(token),
                bool(root, "allow_insecure_http"), snapshot == null ? null : base.resolve(snapshot),
                text(root, "snapshots") == null ? null : resolvePattern(base, text(root, "snapshots")), templates, formats,
                resolvePattern(base, destination), month, ent == null ? null : base.resolve(ent), bool(root, "excel_bom"),
                bool(root, "strict"), mode(tree, name, "file_mode", OWNER_FILE), mode(tree, name, "dir_mode", OWNER_DIR),
                bool(root, "incremental"));
    }

    /**
     * An octal mode in quotes, or null when absent. Unquoted, YAML would read {@code 0640} as a number
     * (416 or 640, depending on the YAML version), so only a string is accepted. The owner must keep
     * what the export itself needs: read and write on files, and full access to folders.
     */
    private static Set<PosixFilePermission> mode(YamlTree tree, String name, String key, Set<PosixFilePermission> owner) {
        JsonNode v = tree.root().get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String where = name + ":" + tree.line(key) + ": ";
        if (!v.isTextual()) {
            throw new TemplateException(where + "write '" + key + "' in quotes, e.g. " + key + ": \"0640\"");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = PosixModes.parse(v.asText().strip());
        } catch (IllegalArgumentException e) {
            throw new TemplateException(where + "'" + key + "': " + e.getMessage());
        }
        if (!mode.containsAll(owner)) {
            throw new TemplateException(where + "'" + key + "' " + v.asText().strip() + " takes from the owner what the export needs ("
                    + (owner.equals(OWNER_DIR) ? "7" : "6") + " in the first digit, e.g. \"0"
                    + (owner.equals(OWNER_DIR) ? "750" : "640") + "\")");
        }
        return mode;
    }

    /** The URL, or an error that shows it without a {@code user:password@} (docs/security.md). */
    private static URI parseUrl(String url, String where) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(where + ": 'url' is not a valid URL: " + WaldurClientConfig.withoutCredentials(url));
        }
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
        return v != null && (v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText()));
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
