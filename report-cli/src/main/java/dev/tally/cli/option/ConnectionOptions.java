package dev.tally.cli.option;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.YamlSchema;
import dev.tally.cli.template.YamlTree;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the Waldur API is and how to authenticate. The token is never accepted on the command line:
 * it comes from {@code --token-file}, a config profile, or {@code WALDUR_TOKEN}, in that order.
 *
 * <p>A profile lives in {@code ~/.config/tally/config.yaml} (or {@code $XDG_CONFIG_HOME/tally/config.yaml},
 * or {@code --config FILE}):
 * <pre>
 * profiles:
 *   puhuri:
 *     url: https://puhuri-core.neic.no/api/
 *     token_file: ~/.config/tally/puhuri.token
 * </pre>
 */
public final class ConnectionOptions {
    /** What a config file holds; adding a profile setting is one line here (YamlSchema). */
    private static final YamlSchema PROFILES = YamlSchema.mapping()
            .mapping("profiles", YamlSchema.anyKeys(YamlSchema.mapping().text("url").text("token_file")));

    /** Environment lookups; tests replace it. */
    static UnaryOperator<String> environment = System::getenv;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL",
            description = "Waldur API root, e.g. https://puhuri-core.neic.no/api/ (the /api/ suffix is added if missing). "
                    + "Default: the profile's url, else WALDUR_URL.")
    // Text, not URI: picocli's own conversion error would echo a user:password@ it cannot parse.
    public String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token. Default: the profile's token_file, else the WALDUR_TOKEN environment variable.")
    public Path tokenFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Read url and token_file from this profile of the config file.")
    public String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file with profiles. Default: $XDG_CONFIG_HOME/tally/config.yaml or ~/.config/tally/config.yaml.")
    public Path configFile;

    @Option(names = "--allow-insecure-http",
            description = "Allow plain http:// to a host other than loopback (the token would travel unencrypted).")
    public boolean allowInsecureHttp;

    @Option(names = "--strict-permissions",
            description = "Refuse a token file that group or others can read (default: a warning on stderr).")
    public boolean strictPermissions;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "7",
            description = "Retries of a failed read (429, 5xx, lost connection), with exponential backoff; "
                    + "429 waits as long as Retry-After says. Default: ${DEFAULT-VALUE}.")
    public int retries;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up on one HTTP request after this many seconds. Default: ${DEFAULT-VALUE}.")
    public int requestTimeoutSeconds;

    /** The URL from --url, the profile or WALDUR_URL; a usage error when none is given. */
    public URI url() {
        if (url != null) {
            return parseUrl(url.strip(), "--url");
        }
        Map<String, String> p = profileSettings();
        if (p.containsKey("url")) {
            return parseUrl(p.get("url"), "url in profile " + profile);
        }
        String env = environment.apply("WALDUR_URL");
        if (env != null && !env.isBlank()) {
            return parseUrl(env.strip(), "WALDUR_URL");
        }
        throw usage("no API URL: pass --url URL, --profile NAME or set WALDUR_URL");
    }

    /** The token from --token-file, the profile or WALDUR_TOKEN; a usage error when none is given. */
    public ApiToken token() {
        if (tokenFile != null) {
            return readToken(tokenFile);
        }
        Map<String, String> p = profileSettings();
        if (p.containsKey("token_file")) {
            return readToken(expandHome(p.get("token_file")));
        }
        String env = environment.apply("WALDUR_TOKEN");
        if (env != null && !env.isBlank()) {
            return wrap(env, "WALDUR_TOKEN");
        }
        throw usage("no API token: pass --token-file FILE, --profile NAME or set WALDUR_TOKEN");
    }

    /** A client configuration builder with URL, token, timeouts and retries; bad values are usage errors. */
    public WaldurClientConfig.Builder configBuilder() {
        if (retries < 0 || retries > 20) {
            throw usage("--retries must be between 0 and 20, got " + retries);
        }
        if (requestTimeoutSeconds < 1) {
            throw usage("--request-timeout must be at least 1 second, got " + requestTimeoutSeconds);
        }
        RetryPolicy policy = new RetryPolicy(retries + 1, RetryPolicy.DEFAULT.baseDelay(), RetryPolicy.DEFAULT.maxDelay(),
                RetryPolicy.DEFAULT.deadline());
        try {
            return WaldurClientConfig.builder(url(), token())
                    .allowInsecureHttp(allowInsecureHttp)
                    .retryPolicy(policy)
                    .requestTimeout(Duration.ofSeconds(requestTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** A ready client; validation problems of the configuration are usage errors. */
    public WaldurClient client() {
        WaldurClientConfig.Builder b = configBuilder();
        try {
            return new WaldurClient(b.build());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ApiToken readToken(Path file) {
        try {
            return TokenFile.read(file, strictPermissions, mixee.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ApiToken wrap(String key, String source) {
        try {
            return ApiToken.of(key);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + " (" + source + ")");
        }
    }

    private URI parseUrl(String text, String source) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            // the text may hold user:password@ (docs/security.md); show it without them
            throw usage("invalid URL in " + source + ": " + WaldurClientConfig.withoutCredentials(text));
        }
    }

    private Map<String, String> profileSettings() {
        if (profile == null) {
            return Map.of();
        }
        Path file = configFile != null ? configFile : defaultConfigFile();
        if (!Files.isRegularFile(file)) {
            throw usage("profile " + profile + " asked for, but config file " + file + " does not exist");
        }
        YamlTree tree;
        try {
            tree = YamlTree.read(file);
        } catch (IOException e) {
            throw usage("cannot read config file " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        } catch (TemplateException e) {
            throw usage(e);
        }
        JsonNode node = tree.root().path("profiles").get(profile);
        if (node != null && node.has("token")) {
            throw usage("profile " + profile + " in " + file + " holds a token; put it in a file and name it with token_file");
        }
        try {
            PROFILES.check(tree);
            tree.failIfProblems();
        } catch (TemplateException e) {
            throw usage(e);
        }
        if (node == null) {
            throw usage("no profile '" + profile + "' in " + file);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Path defaultConfigFile() {
        String xdg = environment.apply("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("tally").resolve("config.yaml");
    }

    private static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    /** A config file's problems, every line of them (TallyCommand prints each). */
    private ParameterException usage(TemplateException e) {
        return new ParameterException(mixee.commandLine(), e.getMessage(), e);
    }
}
