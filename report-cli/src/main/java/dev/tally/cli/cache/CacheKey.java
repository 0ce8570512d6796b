package dev.tally.cli.cache;

import dev.tally.cli.ToolVersion;
import dev.tally.waldur.snapshot.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot cache is the cache of (docs/cache.md, "When it is used"): the SHA-256 of the cache format, the
 * Tally build that wrote it, and every collection's file name, object count and SHA-256 from the manifest. Another
 * harvest, another build of Tally or another format gives another key, so the cache is stale and rebuilt.
 */
final class CacheKey {
    /** The version of the cache's layout ({@link SourceFile}); a change to it or to what a snapshot reads as bumps it. */
    static final int FORMAT = 1;
    static final int BYTES = 32;

    private CacheKey() {
    }

    static byte[] of(Manifest manifest, String build) {
        StringBuilder text = new StringBuilder("tally-source-cache/").append(FORMAT).append('\n').append(build).append('\n');
        for (Map.Entry<String, Manifest.Entry> e : new TreeMap<>(manifest.collections()).entrySet()) {
            Manifest.Entry f = e.getValue();
            text.append(e.getKey()).append(' ').append(f.file()).append(' ').append(f.count()).append(' ')
                    .append(f.sha256()).append('\n');
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This Tally build: its version and, when it runs from a jar, the jar's size and modification time, so that a
     * rebuilt jar of the same version (a development build whose reading code changed) does not trust an older cache.
     */
    static String build() {
        String version = ToolVersion.get();
        try {
            Path code = Path.of(CacheKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return version + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (Exception e) {
            // no code source to name: the version alone
        }
        return version;
    }
}
