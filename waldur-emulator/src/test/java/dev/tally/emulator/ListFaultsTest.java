package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four faults that shape pages of a list (docs/emulator.md, "Faults"), each at probability 1 on the 11 customers
 * of scale 1 in pages of 5: page 1 is customers 1-5, page 2 is 6-10, page 3 is 11.
 */
class ListFaultsTest {
    private static Emulator emulator;
    private static Api api;
    private static String base;

    @BeforeAll
    static void start() throws java.io.IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        api = new Api(emulator, emulator.staffToken());
        base = emulator.baseUrl().resolve("api/customers/").toString();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> page(String faults, int page) {
        emulator.setFaults(faults);
        try {
            return api.get("/api/customers/?page_size=5" + (page == 1 ? "" : "&page=" + page));
        } finally {
            emulator.setFaults("");
        }
    }

    private static List<String> names(HttpResponse<String> response) {
        List<String> names = new ArrayList<>();
        Api.parse(response.body()).forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static String next(HttpResponse<String> response) {
        for (String link : response.headers().firstValue("Link").orElseThrow().split(", ")) {
            if (link.endsWith("rel=\"next\"")) {
                return link.substring(1, link.indexOf('>'));
            }
        }
        return null;
    }

    @Test
    void countMovesTheTotalByOneAndLeavesTheRowsAsTheyAre() {
        HttpResponse<String> clean = page("", 2);
        HttpResponse<String> faulty = page("count:1.0", 2);

        assertThat(faulty.headers().firstValue("X-Result-Count")).hasValueSatisfying(n -> assertThat(n).isIn("10", "12"));
        assertThat(faulty.body()).isEqualTo(clean.body());
        assertThat(faulty.headers().firstValue("Link")).isEqualTo(clean.headers().firstValue("Link"));
    }

    @Test
    void countDrawsBothDirectionsFromTheSeed() {
        emulator.setFaults("count:1.0", 7);
        List<String> totals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            totals.add(api.get("/api/customers/?page_size=5").headers().firstValue("X-Result-Count").orElseThrow());
        }
        emulator.setFaults("");

        assertThat(totals).containsOnly("10", "12").contains("10", "12");
    }

    @Test
    void loopLinksBackToThePageBeforeAndTheFirstPageToItself() {
        assertThat(next(page("loop:1.0", 3))).isEqualTo(base + "?page=2&page_size=5");
        assertThat(next(page("loop:1.0", 2))).isEqualTo(base + "?page_size=5");
        assertThat(next(page("loop:1.0", 1))).isEqualTo(base + "?page_size=5");
    }

    @Test
    void endlessDropsTheCountAndTheLastPageLinksOnToEmptyPagesThatLinkOn() {
        HttpResponse<String> last = page("endless:1.0", 3);
        assertThat(last.headers().firstValue("X-Result-Count")).isEmpty();
        assertThat(names(last)).hasSize(1);
        assertThat(next(last)).isEqualTo(base + "?page=4&page_size=5");

        // Past the end, whatever is drawn: an empty page and a link to the one after.
        HttpResponse<String> past = page("endless:0.001", 1000);
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body()).isEqualTo("[]");
        assertThat(past.headers().firstValue("X-Result-Count")).isEmpty();
        assertThat(next(past)).isEqualTo(base + "?page=1001&page_size=5");
    }

    @Test
    void withoutEndlessAPagePastTheEndIsStill404() {
        assertThat(page("loop:1.0", 4).statusCode()).isEqualTo(404);
    }

    @Test
    void repeatGivesAPageTheRowsOfThePageBeforeAsManyAsItHas() {
        List<String> first = names(page("", 1));

        assertThat(names(page("repeat:1.0", 1))).isEqualTo(first);
        assertThat(names(page("repeat:1.0", 2))).isEqualTo(first);
        assertThat(names(page("repeat:1.0", 3))).containsExactly(names(page("", 2)).get(0));
        assertThat(page("repeat:1.0", 3).headers().firstValue("X-Result-Count")).hasValue("11");
    }

    @Test
    void theNewKindsAreNamedInTheSpecError() {
        assertThatThrownBy(() -> emulator.setFaults("loops:0.1"))
                .hasMessageContaining("count, loop, endless, repeat");
    }
}
