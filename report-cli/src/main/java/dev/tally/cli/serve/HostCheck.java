package dev.tally.cli.serve;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * On loopback, only requests addressed to the loopback names are answered: a web site that points a
 * name of its own at 127.0.0.1 ("DNS rebinding") must not read the snapshot through a visitor's
 * browser (docs/serve.md, "Security"). On another host, any name is accepted.
 */
final class HostCheck {
    /** The accepted {@code Host} headers, or null for any. */
    private final Set<String> allowed;

    private HostCheck(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** The names a server bound to {@code address} and {@code port} answers to: on loopback its own, else every name. */
    static HostCheck of(InetAddress address, int port) {
        if (!address.isLoopbackAddress()) {
            return new HostCheck(null);
        }
        String bound = address.getHostAddress();
        return new HostCheck(Set.copyOf(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                (bound.contains(":") ? "[" + bound + "]" : bound) + ":" + port)));
    }

    void check(String host) throws BadRequest {
        if (allowed != null && (host == null || !allowed.contains(host.strip().toLowerCase(java.util.Locale.ROOT)))) {
            throw new BadRequest(421, "this server answers only requests to 127.0.0.1 or localhost, not to '"
                    + Reply.inert(String.valueOf(host)) + "'");
        }
    }
}
