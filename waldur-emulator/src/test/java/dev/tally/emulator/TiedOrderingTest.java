package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ties:shuffle}: rows that tie under the ordering come in a new order per request, unique orderings do not. */
class TiedOrderingTest {
    private static final int TWINS = 40;
    private static final String CUSTOMERS = "/api/customers/?page_size=5";
    /** 11 generated organisations and the twins, five a page. */
    private static final int PAGES = (11 + TWINS + 4) / 5;

    private static Emulator emulator;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        api = new Api(emulator, emulator.staffToken());
        // Waldur allows equal names; the generated organisations have none, so make a run of 40 that tie by name.
        for (int i = 0; i < TWINS; i++) {
            assertThat(api.post("/api/customers/", "{\"name\": \"Twin Organisation\"}").statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void offByDefaultSoPagingSeesEveryRowOnce() {
        emulator.setFaults("");

        List<String> uuids = walk(CUSTOMERS, PAGES);

        assertThat(uuids).hasSize(11 + TWINS);
        assertThat(new HashSet<>(uuids)).hasSize(11 + TWINS);
    }

    @Test
    void shuffledTiesMakeOffsetPagingRepeatAndSkipRowsWithTheCountUnchanged() {
        emulator.setFaults("ties:shuffle");

        List<String> shuffled = walk(CUSTOMERS, PAGES);

        // Every page is full and the count is right, but the 40 twins span nine pages and each page drew its own
        // order of them: some twins come twice and as many are missing.
        assertThat(shuffled).hasSize(11 + TWINS);
        Set<String> distinct = new HashSet<>(shuffled);
        assertThat(distinct.size()).isLessThan(11 + TWINS);
        // The organisations with a name of their own are listed once each, in place.
        assertThat(shuffled.subList(0, 5)).isEqualTo(tidyWalk().subList(0, 5));
    }

    @Test
    void theSameSeedAndRequestSequenceGiveTheSameOrder() {
        emulator.setFaults("ties:shuffle");
        List<String> first = walk(CUSTOMERS, PAGES);
        emulator.setFaults("ties:shuffle");

        List<String> again = walk(CUSTOMERS, PAGES);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aRequestedOrderingIsShuffledOnlyWhereItTies() {
        emulator.setFaults("ties:shuffle");

        // Order creation timestamps are distinct, so o=created leaves nothing to shuffle: every walk agrees.
        List<String> byCreated = walk("/api/marketplace-orders/?o=created&page_size=100", 10);
        List<String> byCreatedAgain = walk("/api/marketplace-orders/?o=created&page_size=100", 10);
        // Order states tie massively, so o=state is listed differently from one request to the next.
        List<String> byState = walk("/api/marketplace-orders/?o=state&page_size=100", 1);
        List<String> byStateAgain = walk("/api/marketplace-orders/?o=state&page_size=100", 1);

        assertThat(byCreatedAgain).isEqualTo(byCreated);
        assertThat(new HashSet<>(byCreated)).hasSize(byCreated.size());
        assertThat(byStateAgain).isNotEqualTo(byState);
    }

    private static List<String> tidyWalk() {
        emulator.setFaults("");
        try {
            return walk(CUSTOMERS, PAGES);
        } finally {
            emulator.setFaults("ties:shuffle");
        }
    }

    /** The UUIDs of the first {@code pages} pages, requested one after another. */
    private static List<String> walk(String path, int pages) {
        List<String> uuids = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> response = api.get(path + "&page=" + page);
            assertThat(response.statusCode()).isEqualTo(200);
            for (JsonNode row : Api.parse(response.body())) {
                uuids.add(row.get("uuid").asText());
            }
        }
        return uuids;
    }
}
