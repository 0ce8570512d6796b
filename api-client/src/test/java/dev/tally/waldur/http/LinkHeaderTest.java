package dev.tally.waldur.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
    @Test
    void parsesWaldurLinkHeaderWithAllRelations() {
        LinkHeader h = LinkHeader.parse("<https://h/api/x/?page_size=2>; rel=\"first\", "
                + "<https://h/api/x/?page=2&page_size=2>; rel=\"next\", <https://h/api/x/?page=5&page_size=2>; rel=\"last\"");

        assertThat(h.next()).contains(URI.create("https://h/api/x/?page=2&page_size=2"));
        assertThat(h.relations()).containsOnlyKeys("first", "next", "last");
    }

    @Test
    void lastPageHasNoNext() {
        assertThat(LinkHeader.parse("<https://h/api/x/>; rel=\"first\", <https://h/api/x/>; rel=\"last\"").next()).isEmpty();
        assertThat(LinkHeader.parse(null).next()).isEmpty();
    }
}
