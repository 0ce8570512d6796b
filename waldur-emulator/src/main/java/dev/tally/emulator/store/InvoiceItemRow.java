package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** One invoice item; the customer it is billed to is known for visibility but, as in Waldur, not rendered. */
public final class InvoiceItemRow implements Row {
    private final ObjectNode node;
    private final String customerUuid;

    InvoiceItemRow(ObjectNode node, String customerUuid) {
        this.node = node;
        this.customerUuid = customerUuid;
    }

    @Override
    public String uuid() {
        return node.get("uuid").asText();
    }

    @Override
    public JsonNode get(String field) {
        return field.equals("customer_uuid") ? (customerUuid == null ? null : TextNode.valueOf(customerUuid)) : node.get(field);
    }

    @Override
    public ObjectNode render() {
        return node.deepCopy();
    }

    @Override
    public ObjectNode view() {
        return node;
    }
}
