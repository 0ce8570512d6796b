package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row stored as its serialized JSON tree: its uuid, its copy and its read-only view all come from that tree. */
abstract sealed class TreeRow implements Row permits JsonRow, InvoiceItemRow {
    final ObjectNode node;

    TreeRow(ObjectNode node) {
        this.node = node;
    }

    @Override
    public final String uuid() {
        return node.get("uuid").asText();
    }

    @Override
    public final ObjectNode render() {
        return node.deepCopy();
    }

    @Override
    public final ObjectNode view() {
        return node;
    }
}
