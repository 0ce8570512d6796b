package dev.tally.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.store.DatasetGenerator;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages written straight from the stored rows are the bytes of a restricted, absolutized copy serialized whole. */
class PageJsonTest {
    private static final String ORIGIN = "http://127.0.0.1:8777";
    private static Store store;

    @BeforeAll
    static void generate() {
        EmulatorConfig config = EmulatorConfig.defaults();
        store = DatasetGenerator.generate(config.seed(), config.scale(), config.asOf(), config.staffToken());
    }

    /** What a page was before {@link PageJson}: each row copied, cut to its fields, links made absolute, then written. */
    private static byte[] viaCopies(List<? extends Row> rows, List<String> fields) throws Exception {
        ArrayNode body = Json.NODES.arrayNode();
        for (Row row : rows) {
            body.add(Links.absolutize(Links.restrict(row.render(), fields), ORIGIN));
        }
        return Json.MAPPER.writeValueAsBytes(body);
    }

    private static Map<String, List<? extends Row>> collections() {
        return Map.of("customers", store.customers().rows(), "projects", store.projects().rows(),
                "offerings", store.offerings().rows(), "orders", store.orders().rows(),
                "resources", store.resources().rows(), "usages", store.usages().rows(),
                "invoice items", store.invoices().items().rows());
    }

    @Test
    void everyRowOfEveryCollectionIsWrittenAsItsCopyWouldBe() throws Exception {
        for (var c : collections().entrySet()) {
            List<? extends Row> rows = c.getValue();
            assertThat(rows).as(c.getKey()).isNotEmpty();
            assertThat(PageJson.encode(rows, List.of(), ORIGIN)).as(c.getKey()).isEqualTo(viaCopies(rows, List.of()));
        }
    }

    @Test
    void fieldsKeepTheNamedOnesInTheRowsOrderAndUnknownOnesKeepAll() throws Exception {
        List<? extends Row> resources = store.resources().rows().subList(0, 300);
        for (List<String> fields : List.of(List.of("url", "uuid"), List.of("name", "project", "no_such_field"),
                List.of("no_such_field"))) {
            assertThat(PageJson.encode(resources, fields, ORIGIN)).as(fields.toString())
                    .isEqualTo(viaCopies(resources, fields));
        }
        String twoFields = new String(PageJson.encode(resources.subList(0, 1), List.of("uuid", "url"), ORIGIN),
                java.nio.charset.StandardCharsets.UTF_8);
        String uuid = resources.get(0).uuid();
        // in the row's order, not the request's
        assertThat(twoFields).isEqualTo("[{\"uuid\":\"" + uuid + "\",\"url\":\"" + ORIGIN + "/api/marketplace-resources/"
                + uuid + "/\"}]");
    }

    @Test
    void writingLeavesTheStoredRowsAsTheyWere() throws Exception {
        List<? extends Row> orders = store.orders().rows().subList(0, 50);
        byte[] before = viaCopies(orders, List.of());
        PageJson.encode(orders, List.of("uuid"), ORIGIN);
        assertThat(orders.get(0).view().get("url").asText()).startsWith("/api/");
        assertThat(viaCopies(orders, List.of())).isEqualTo(before);
    }

    @Test
    void anEmptyPageIsAnEmptyArray() {
        assertThat(PageJson.encode(List.of(), List.of(), ORIGIN)).isEqualTo("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
