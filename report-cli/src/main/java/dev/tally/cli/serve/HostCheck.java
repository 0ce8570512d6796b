package dev.tally.cli.serve;

import java.util.Set;

/**
 * On loopback, only requests addressed to the loopback names are answered: a web site that points a
 * name of its own at 127.0.0.1 ("DNS rebinding") must not read the snapshot through a visitor's
 * browser (docs/serve.md, "Security"). On another host, any name is accepted.
 */
final class HostCheck {
    private final Set<String> allowed;

    private HostCheck(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** The names a server on {@code port} answers to; {@code loopback} false: every name. */
    static HostCheck of(boolean loopback, int port) {
        return new HostCheck(loopback ? Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port) : null);
    }

    void check(String host) throws BadRequest {
        if (allowed != null && (host == null || !allowed.contains(host.strip().toLowerCase(java.util.Locale.ROOT)))) {
            throw new BadRequest(421, "this server answers only requests to 127.0.0.1 or localhost, not to '"
                    + Reply.inert(String.valueOf(host)) + "'");
        }
    }
}
