package dev.tally.cli.report.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** File modes written as octal, such as {@code 0640}, and applied where the file system has POSIX permissions. */
final class PosixModes {
    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3}");
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private PosixModes() {
    }

    /**
     * The permissions of an octal mode such as {@code 0640} or {@code 750}; an {@link IllegalArgumentException}
     * for anything else, including the setuid, setgid and sticky bits, which Java cannot set.
     */
    static Set<PosixFilePermission> parse(String octal) {
        if (!OCTAL.matcher(octal).matches()) {
            throw new IllegalArgumentException("'" + octal + "' is not a file mode; write three octal digits such as \"0640\"");
        }
        int bits = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(BITS[i]);
            }
        }
        return out;
    }

    /** Sets {@code mode} on {@code file}; a file system without POSIX permissions is left to its own rules. */
    static void apply(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, mode);
        }
    }
}
