package dev.tally.cli.option;

import dev.tally.waldur.ApiToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads an API token from a file, and checks that only its owner can read it: a token readable by
 * group or others is a warning on stderr, or a refusal under {@code --strict-permissions}
 * (docs/security.md, "The token"). File systems without POSIX permissions are not checked.
 */
public final class TokenFile {
    private TokenFile() {
    }

    /** The token in {@code file}; problems are {@link IllegalArgumentException}s naming the file, never its content. */
    public static ApiToken read(Path file, boolean strictPermissions, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("token file " + file + " does not exist");
        }
        String exposed = exposure(file);
        if (exposed != null) {
            String advice = "token file " + file + " is readable by " + exposed + "; run chmod 600 " + file;
            if (strictPermissions) {
                throw new IllegalArgumentException(advice + " (refused because of --strict-permissions)");
            }
            err.println("tally: warning: " + advice);
        }
        String key;
        try {
            key = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read token file " + file + " (is it UTF-8 text the owner can read?)");
        }
        try {
            return ApiToken.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (token file " + file + ")");
        }
    }

    /** Who besides the owner can read {@code file} ("group", "others", "group and others"), or {@code null}. */
    static String exposure(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = view.readAttributes().permissions();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        boolean group = perms.contains(PosixFilePermission.GROUP_READ);
        boolean others = perms.contains(PosixFilePermission.OTHERS_READ);
        if (!group && !others) {
            return null;
        }
        return (group && others ? "group and others" : group ? "group" : "others")
                + " (" + PosixFilePermissions.toString(perms) + ")";
    }
}
