package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.WaldurJson;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Resource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming order and resource readers give exactly the summaries of the typed records. */
class OrderResourceReaderTest {
    private static final ObjectMapper JSON = WaldurJson.newMapper();

    static Stream<String> orders() throws Exception {
        return Stream.concat(lines("orders-sample.jsonl"), Stream.of(
                "{'uuid':'A1A1-B2','type':'Update','state':'pending-provider','cost':1.50,'limits':null,'created':'2025-01-01T10:00:00Z'}",
                "{'uuid':'x','type':'Resize','state':'weird','cost':null,'limits':{'cpu_k_hours':'2.0','gpu_k_hours':3},"
                        + "'completed_at':'2025-01-01T12:00:00+01:00','marketplace_resource_uuid':null}",
                "{'uuid':'y','cost':'0.1000000000','limits':{},'plan_uuid':'P-1','offering_uuid':'O-1','created':null}")
                .map(s -> s.replace('\'', '"')));
    }

    static Stream<String> resources() throws Exception {
        return Stream.concat(lines("resources-sample.jsonl"), Stream.of(
                "{'uuid':'R-1','name':null,'state':'Erred','limits':null,'options':null,'created':'2025-01-10T11:00:00.5Z'}",
                "{'uuid':'r2','state':'Strange','limits':{'cpu_k_hours':6},'options':{'is_industry':'true','used_ai_tech':'Vision'},"
                        + "'project_uuid':'P','project_name':'Climate','customer_name':7}")
                .map(s -> s.replace('\'', '"')));
    }

    private static Stream<String> lines(String resource) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OrderResourceReaderTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return r.lines().toList().stream();
        }
    }

    private static void parse(String json, ObjectParser reader) throws Exception {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            reader.read(p);
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void readsAnOrderAsTheTypedRecordDoes(String json) throws Exception {
        OrderSummary expected = OrderSummary.of(JSON.readValue(json, Order.class));
        List<OrderSummary> out = new ArrayList<>();

        parse(json, new OrderReader(out::add));

        assertThat(out).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("resources")
    void readsAResourceAsTheTypedRecordDoes(String json) throws Exception {
        ResourceSummary expected = ResourceSummary.of(JSON.readValue(json, Resource.class));
        List<ResourceSummary> out = new ArrayList<>();

        parse(json, new ResourceReader(out::add));

        assertThat(out).containsExactly(expected);
    }
}
