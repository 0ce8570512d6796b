package dev.tally.emulator.http;

import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;

/** Waldur's TokenAuthentication (docs/emulator.md, "Authentication"): {@code Authorization: Token <key>}, or {@code ?x-auth-token=<key>}. */
final class Auth {
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";

    private Auth() {
    }

    /** The user, or null for an anonymous request; a malformed or unknown token is a 401 even where anonymous is fine. */
    static User authenticate(Store store, String header, QueryString query) {
        String auth = header;
        if (auth == null || auth.isBlank()) {
            String token = query.last("x-auth-token");
            if (token == null || token.isEmpty()) {
                return null;
            }
            auth = "Token " + token;
        }
        String[] parts = auth.strip().split("\\s+");
        if (parts.length == 0 || !parts[0].equalsIgnoreCase("token")) {
            // Another scheme (Basic, Bearer without OIDC): DRF leaves the request anonymous.
            return null;
        }
        if (parts.length == 1) {
            throw ApiException.unauthorized("Invalid token. No credentials provided.");
        }
        if (parts.length > 2) {
            throw ApiException.unauthorized("Invalid token. Token string should not contain spaces.");
        }
        return store.userByToken(parts[1]).orElseThrow(() -> ApiException.unauthorized("Invalid token."));
    }
}
