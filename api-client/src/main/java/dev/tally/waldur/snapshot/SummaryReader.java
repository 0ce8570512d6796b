package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The token loop of the readers that keep a few fields of each object ({@link OrderReader},
 * {@link ResourceReader}), written once: a subclass forgets the previous object in {@link #clear()},
 * reads the fields it keeps in {@link #field}, and makes the summary in {@link #summary()}; every other
 * field is skipped unread. The values wait in the subclass's own fields, so reading an object
 * allocates nothing beyond its summary and the values themselves.
 */
abstract class SummaryReader<T> implements ObjectParser {
    private final Consumer<? super T> out;
    // one copy of each UUID and name: a hundred thousand objects repeat a few thousand of them
    final StringPool strings = new StringPool();

    /** A reader passing each object's summary to {@code out}. */
    SummaryReader(Consumer<? super T> out) {
        this.out = out;
    }

    @Override
    public final void read(JsonParser p) throws IOException {
        clear();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!field(name, p, value)) {
                p.skipChildren();
            }
        }
        out.accept(summary());
    }

    /** Sets every kept value back to null, as for an object that has none of the fields. */
    abstract void clear();

    /**
     * Reads field {@code name}, whose first value token {@code value} is current, and returns true;
     * returns false without reading for a field this reader does not keep.
     */
    abstract boolean field(String name, JsonParser p, JsonToken value) throws IOException;

    /** The summary of the object whose fields were just read. */
    abstract T summary();
}
