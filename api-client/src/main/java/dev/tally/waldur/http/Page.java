package dev.tally.waldur.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a Waldur list: the bare-array body, the {@code Link} header and {@code X-Result-Count}
 * (the total lives only in that header, docs/waldur.md, Paging).
 */
public record Page(List<JsonNode> items, LinkHeader links, OptionalLong resultCount) implements ListPage<Page> {
    public Page {
        items = List.copyOf(items);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String uuid(int index) {
        return items.get(index).path("uuid").textValue();
    }

    @Override
    public Page keep(BitSet keep) {
        List<JsonNode> kept = new ArrayList<>(keep.cardinality());
        keep.stream().forEach(i -> kept.add(items.get(i)));
        return new Page(kept, links, resultCount);
    }
}
