package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** One invoice item; the customer it is billed to is known for visibility but, as in Waldur, not rendered. */
public final class InvoiceItemRow extends TreeRow {
    private final String customerUuid;

    InvoiceItemRow(ObjectNode node, String customerUuid) {
        super(node);
        this.customerUuid = customerUuid;
    }

    @Override
    public JsonNode get(String field) {
        return field.equals("customer_uuid") ? (customerUuid == null ? null : TextNode.valueOf(customerUuid)) : node.get(field);
    }
}
