package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/dev/tally/cli/golden/}: compared byte for byte;
 * regenerated on purpose with {@code -Dtally.updateGolden=true} (then review the diff).
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/dev/tally/cli/golden");

    private Golden() {
    }

    public static void assertMatches(Path actual, String goldenName) throws IOException {
        Path golden = DIR.resolve(goldenName);
        if (Boolean.getBoolean("tally.updateGolden")) {
            Files.createDirectories(DIR);
            Files.copy(actual, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dtally.updateGolden=true)", golden).exists();
        // compared as text first, so a failure shows the differing lines rather than two byte arrays
        assertThat(Files.readString(actual)).as("%s differs from golden %s", actual.getFileName(), golden)
                .isEqualTo(Files.readString(golden));
        assertThat(Files.readAllBytes(actual)).as("%s differs from golden %s", actual.getFileName(), golden)
                .isEqualTo(Files.readAllBytes(golden));
    }

    /** A golden file's text. */
    public static String read(String goldenName) throws IOException {
        return Files.readString(DIR.resolve(goldenName));
    }
}
