package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationTest {
    private final Emulator emulator = SharedEmulator.get();
    private final Api anonymous = new Api(emulator, null);

    @Test
    void missingCredentialsAre401WithChallenge() {
        HttpResponse<String> response = anonymous.get("/api/projects/");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Token");
        assertThat(response.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Token|Invalid token. No credentials provided.",
        "Token abc def|Invalid token. Token string should not contain spaces.",
        "Token 0000000000000000000000000000000000000000|Invalid token.",
        "token 1111111111111111111111111111111111111111|Invalid token."})
    void badTokensGiveDrfMessages(String header, String message) {
        HttpResponse<String> response = anonymous.send(
                anonymous.request("/api/marketplace-orders/").header("Authorization", header).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Token");
        assertThat(Api.parse(response.body()).get("detail").asText()).isEqualTo(message);
    }

    @Test
    void tokenInQueryParameterIsAccepted() {
        HttpResponse<String> response = anonymous.get("/api/customers/?x-auth-token=" + emulator.staffToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("11");
    }

    @Test
    void publicOfferingsAllowAnonymousCallers() {
        HttpResponse<String> response = anonymous.get("/api/marketplace-public-offerings/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("20");
    }

    @Test
    void publicOfferingsStillRejectAnInvalidToken() {
        HttpResponse<String> response = anonymous.send(anonymous.request("/api/marketplace-public-offerings/")
                .header("Authorization", "Token 0000000000000000000000000000000000000000").GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void passwordLoginReturnsTheUsersToken() {
        HttpResponse<String> response = anonymous.post("/api-auth/password/",
                "{\"username\": \"staff\", \"password\": \"staff-password\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.parse(response.body()).get("token").asText()).isEqualTo(emulator.staffToken());
    }

    @Test
    void passwordLoginWithWrongPasswordIs401() {
        HttpResponse<String> response = anonymous.send(anonymous.request("/api-auth/password/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"staff\", \"password\": \"nope\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
