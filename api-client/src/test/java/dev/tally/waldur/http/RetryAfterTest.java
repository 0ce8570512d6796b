package dev.tally.waldur.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} read without the wall clock wherever the response says when it was sent. */
class RetryAfterTest {
    private static HttpResponse<Void> response(Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        HttpHeaders httpHeaders = HttpHeaders.of(h, (k, v) -> true);
        return new HttpResponse<>() {
            public int statusCode() {
                return 429;
            }

            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
            }

            public Optional<HttpResponse<Void>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return httpHeaders;
            }

            public Void body() {
                return null;
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return request().uri();
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    @Test
    void anHttpDateIsMeasuredFromTheResponsesOwnDate() {
        // both dates are far from the day the suite runs: only the difference between them may matter
        Duration wait = RetryAfter.of(response(Map.of(
                "Date", "Tue, 29 Feb 2028 23:59:30 GMT", "Retry-After", "Wed, 01 Mar 2028 00:00:15 GMT")));

        assertThat(wait).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void delaySecondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.of(response(Map.of("Retry-After", "7")))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aDateBeforeTheResponseMeansNoWait() {
        assertThat(RetryAfter.of(response(Map.of(
                "Date", "Fri, 31 Dec 2027 12:00:00 GMT", "Retry-After", "Fri, 31 Dec 2027 11:00:00 GMT"))))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableValueWaitsOneSecond() {
        assertThat(RetryAfter.of(response(Map.of("Retry-After", "soon")))).isEqualTo(Duration.ofSeconds(1));
    }
}
