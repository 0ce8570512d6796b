package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Credentials in the URL's userinfo are refused, and the refusal never repeats them. */
class UrlCredentialsTest {
    private static final ApiToken TOKEN = ApiToken.of("abc");

    @Test
    void refusesUserAndPasswordInTheUrlWithoutEchoingThem() {
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("https://alice:s3cret@puhuri.example/api/"), TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the API URL for puhuri.example carries a user name or password (user:password@host); "
                        + "remove it and give the token with --token-file or WALDUR_TOKEN");
    }

    @Test
    void refusesAUserNameAlone() {
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("http://alice@127.0.0.1:8080/"), TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the API URL for 127.0.0.1 carries a user name or password");
    }

    @Test
    void anUnparseableUrlIsShownWithoutItsCredentials() {
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("ftp://alice:s3cret@files.example/"), TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the API URL for files.example carries a user name or password (user:password@host); "
                        + "remove it and give the token with --token-file or WALDUR_TOKEN");
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("mailto://alice:s3cret@"), TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an http(s) URL: mailto://***@");
    }
}
