package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /api/invoice-items/}: the emulator's own billing of limit components (docs/emulator.md, "Invoices"). */
class InvoiceItemsTest {
    private final Emulator emulator = SharedEmulator.get();
    private final Api staff = new Api(emulator, emulator.staffToken());

    @Test
    void itemsOfAMonthBillLimitTimesPriceProratedByDaysRoundedToCents() {
        HttpResponse<String> r = staff.get("/api/invoice-items/?year=2026&month=10&page_size=300");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode items = Api.parse(r.body());
        assertThat(items.size()).isEqualTo(300);
        assertThat(Long.parseLong(r.headers().firstValue("X-Result-Count").orElseThrow())).isGreaterThan(5000);
        for (JsonNode item : items) {
            assertThat(item.get("start").asText()).startsWith("2026-10-");
            BigDecimal expected = new BigDecimal(item.get("unit_price").asText())
                    .multiply(new BigDecimal(item.get("quantity").asText())).setScale(2, java.math.RoundingMode.HALF_UP);
            assertThat(item.get("price").decimalValue()).isEqualByComparingTo(expected);
            assertThat(item.get("resource").asText()).startsWith(emulator.baseUrl() + "api/marketplace-resources/");
            assertThat(item.has("customer_uuid")).isFalse();
        }
    }

    @Test
    void invoicesPreparedAtStartAreTheItemsAFirstRequestGets() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults().withPort(0).withSeed(11);
        String page = "/api/invoice-items/?year=2026&month=9&page_size=300&page=3";
        String lazy;
        try (Emulator plain = Emulator.start(config)) {
            // the links name the emulator's port, which differs between the two
            lazy = new Api(plain, plain.staffToken()).get(page).body().replace(plain.baseUrl().toString(), "ORIGIN/");
        }
        try (Emulator prepared = Emulator.start(config)) {
            prepared.prepareInvoices();
            String eager = new Api(prepared, prepared.staffToken()).get(page).body()
                    .replace(prepared.baseUrl().toString(), "ORIGIN/");
            assertThat(eager).isEqualTo(lazy).contains("\"start\":\"2026-09-");
        }
    }

    @Test
    void theServiceProviderTokenIsRefusedAndAnAllocatorSeesItsOwnItemsOnly() {
        assertThat(staff.as(emulator.providerToken()).get("/api/invoice-items/").statusCode()).isEqualTo(403);
        String token = emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation");
        JsonNode own = Api.parse(staff.as(token).get("/api/invoice-items/?year=2026&month=10&page_size=300").body());
        assertThat(own.size()).isPositive();
        for (JsonNode item : own) {
            JsonNode resource = staff.getJson("/api/marketplace-resources/" + item.get("resource_uuid").asText() + "/");
            assertThat(resource.get("customer_name").asText()).isEqualTo("Danish e-Infrastructure Cooperation");
        }
    }
}
