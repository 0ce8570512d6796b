package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final int REQUESTS = 2500;

    private enum Outcome { OK, THROTTLED, SERVER_ERROR, RESET, TRUNCATED }

    @Test
    void observedFaultRatesMatchTheSpecWithinThirtyPercent() throws IOException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults()
                .withFaults("429:0.05,5xx:0.03,reset:0.02,slow:0.01,truncate:0.02"))) {
            Api api = new Api(emulator, emulator.staffToken());
            for (int i = 0; i < REQUESTS; i++) {
                counts.merge(outcome(api, "/api/customers/?page_size=5"), 1, Integer::sum);
            }
        }

        assertThat(rate(counts, Outcome.THROTTLED)).isBetween(0.05 * 0.7, 0.05 * 1.3);
        assertThat(rate(counts, Outcome.SERVER_ERROR)).isBetween(0.03 * 0.7, 0.03 * 1.3);
        assertThat(rate(counts, Outcome.RESET)).isBetween(0.02 * 0.7, 0.02 * 1.3);
        assertThat(rate(counts, Outcome.TRUNCATED)).isBetween(0.02 * 0.7, 0.02 * 1.3);
    }

    @Test
    void probabilityOneFailsEveryRequest() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("5xx:1.0"))) {
            Api api = new Api(emulator, emulator.staffToken());
            for (int i = 0; i < 50; i++) {
                assertThat(api.get("/api/customers/").statusCode()).isIn(500, 502, 503);
            }
        }
    }

    @Test
    void throttledResponseCarriesRetryAfterAndDrfBody() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("429:1.0"))) {
            HttpResponse<String> response = new Api(emulator, emulator.staffToken()).get("/api/projects/");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body())
                    .isEqualTo("{\"detail\":\"Request was throttled. Expected available in 1 second.\"}");
        }
    }

    @Test
    void retryAfterNoneSendsABareThrottle() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("429:1.0,retry-after:none"))) {
            HttpResponse<String> response = new Api(emulator, emulator.staffToken()).get("/api/projects/");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            assertThat(response.body()).isEqualTo("{\"detail\":\"Request was throttled.\"}");
        }
    }

    @Test
    void rateLimiterSendsProxyHeaders() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("ratelimit:100000"))) {
            HttpResponse<String> response = new Api(emulator, emulator.staffToken()).get("/api/customers/");

            assertThat(response.headers().firstValue("x-rate-limit-limit")).hasValue("100000");
            assertThat(response.headers().firstValue("x-rate-limit-remaining")).hasValue("99999");
        }
    }

    @Test
    void sameSeedInjectsTheSameFaultSequence() throws IOException {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (StringBuilder sequence : new StringBuilder[] {first, second}) {
            try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("429:0.2,5xx:0.2"))) {
                Api api = new Api(emulator, emulator.staffToken());
                for (int i = 0; i < 100; i++) {
                    sequence.append(api.get("/api/customers/").statusCode() / 100);
                }
            }
        }

        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.toString()).contains("4", "5", "2");
    }

    @Test
    void setFaultsSwitchesOneInstanceBetweenCleanAndFaulty() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Api api = new Api(emulator, emulator.staffToken());
            HttpResponse<String> clean = api.get("/api/customers/");

            emulator.setFaults("5xx:1.0");
            HttpResponse<String> faulty = api.get("/api/customers/");
            emulator.setFaults("");
            HttpResponse<String> cleanAgain = api.get("/api/customers/");

            assertThat(clean.statusCode()).isEqualTo(200);
            assertThat(faulty.statusCode()).isIn(500, 502, 503);
            assertThat(cleanAgain.statusCode()).isEqualTo(200);
            assertThat(cleanAgain.body()).isEqualTo(clean.body());
        }
    }

    @Test
    void setFaultsRestartsTheSeededSequence() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Api api = new Api(emulator, emulator.staffToken());
            StringBuilder first = new StringBuilder();
            StringBuilder second = new StringBuilder();
            for (StringBuilder sequence : new StringBuilder[] {first, second}) {
                emulator.setFaults("429:0.2,5xx:0.2");
                for (int i = 0; i < 60; i++) {
                    sequence.append(api.get("/api/customers/").statusCode() / 100);
                }
            }

            assertThat(second.toString()).isEqualTo(first.toString());
            assertThat(first.toString()).contains("4", "5", "2");
        }
    }

    @Test
    void setFaultsCanTurnOnTheRateLimiter() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Api api = new Api(emulator, emulator.staffToken());
            emulator.setFaults("ratelimit:100000");

            HttpResponse<String> response = api.get("/api/customers/");

            assertThat(response.headers().firstValue("x-rate-limit-limit")).hasValue("100000");
            assertThat(response.headers().firstValue("x-rate-limit-remaining")).hasValue("99999");
        }
    }

    @Test
    void setFaultsRejectsAMalformedSpecAndKeepsTheCurrentPlan() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("5xx:1.0"))) {
            Api api = new Api(emulator, emulator.staffToken());

            assertThatThrownBy(() -> emulator.setFaults("bogus:0.5"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown fault kind (bogus)");
            assertThat(api.get("/api/customers/").statusCode()).isIn(500, 502, 503);
        }
    }

    private static Outcome outcome(Api api, String path) {
        HttpResponse<String> response;
        try {
            response = api.get(path);
        } catch (UncheckedIOException e) {
            return Outcome.RESET;
        }
        return switch (response.statusCode()) {
            case 429 -> Outcome.THROTTLED;
            case 500, 502, 503 -> Outcome.SERVER_ERROR;
            default -> {
                try {
                    Api.JSON.readTree(response.body());
                    yield Outcome.OK;
                } catch (IOException e) {
                    yield Outcome.TRUNCATED;
                }
            }
        };
    }

    private static double rate(Map<Outcome, Integer> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0) / (double) REQUESTS;
    }
}
