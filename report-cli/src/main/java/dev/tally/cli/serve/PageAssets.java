package dev.tally.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, packaged in the jar beside this class and read once: the page works offline and
 * loads nothing from the internet.
 */
final class PageAssets {
    /** A file of the page: its content type and bytes. */
    record Asset(String type, byte[] bytes) {
    }

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/explorer.js", "explorer.js",
            "/explorer.css", "explorer.css");

    private final Map<String, Asset> assets;

    private PageAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** Reads every file of the page from the class path. */
    static PageAssets load() {
        Map<String, Asset> out = new java.util.HashMap<>();
        FILES.forEach((path, file) -> out.put(path, new Asset(type(file), read(file))));
        return new PageAssets(out);
    }

    /** The file served at {@code path}, or null. */
    Asset at(String path) {
        return assets.get(path);
    }

    private static byte[] read(String file) {
        try (InputStream in = PageAssets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the page file " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return Reply.HTML;
    }
}
