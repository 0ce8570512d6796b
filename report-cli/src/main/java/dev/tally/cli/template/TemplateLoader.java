package dev.tally.cli.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads report templates: built-in ones by name from the jar's {@code templates/} folder, user ones
 * by path. Every problem is reported as {@code FILE:LINE: at PATH: what is wrong}, unknown keys
 * included, so a typo never silently drops a setting.
 */
public final class TemplateLoader {
    /** The templates shipped in {@code templates/}. */
    public static final List<String> BUILT_IN = List.of("monthly-consortium", "funder-country-share", "ai-tech-breakdown");

    private TemplateLoader() {
    }

    /** A built-in template by name, or a user template when {@code nameOrPath} is a file. */
    public static ReportTemplate load(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        if (Files.isRegularFile(file)) {
            try {
                return new TemplateReader(YamlTree.read(file), file.toString()).template();
            } catch (IOException e) {
                throw new TemplateException(file + ": cannot be read: " + e.getMessage());
            }
        }
        throw new TemplateException("unknown template '" + nameOrPath + "': not a built-in template ("
                + String.join(", ", BUILT_IN) + ") and no such file");
    }

    /** One of {@link #BUILT_IN}. */
    public static ReportTemplate builtIn(String name) {
        String resource = "templates/" + name + ".yaml";
        try (InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException("built-in template " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new TemplateException(resource + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses and validates template text; {@code file} is used in messages and kept as the source. */
    public static ReportTemplate parse(String text, String file) {
        return new TemplateReader(YamlTree.parse(text, file), file).template();
    }
}
