package dev.tally.cli.option;

import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Waldur API is and how to authenticate; the token is never accepted on the command line. */
public final class ConnectionOptions {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "Waldur API root, e.g. https://puhuri-core.neic.no/api/ (the /api/ suffix is added if missing).")
    public URI url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token. Default: the WALDUR_TOKEN environment variable.")
    public Path tokenFile;

    @Option(names = "--allow-insecure-http",
            description = "Allow plain http:// to a host other than loopback (the token travels unencrypted).")
    public boolean allowInsecureHttp;

    /** The token from --token-file, else WALDUR_TOKEN; a clear error when neither is set. */
    public ApiToken token() throws IOException {
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) {
                throw new IllegalArgumentException("token file " + tokenFile + " does not exist");
            }
            return ApiToken.of(Files.readString(tokenFile));
        }
        String env = System.getenv("WALDUR_TOKEN");
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("no API token: pass --token-file FILE or set WALDUR_TOKEN");
        }
        return ApiToken.of(env);
    }

    public WaldurClientConfig.Builder configBuilder() throws IOException {
        return WaldurClientConfig.builder(url, token()).allowInsecureHttp(allowInsecureHttp);
    }
}
