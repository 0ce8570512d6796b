package dev.tally.waldur.http;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.OptionalLong;

/**
 * One page of a Waldur list with each element as one compact JSON line (UTF-8, newline-terminated)
 * in {@code lines[0, length)}, plus the {@code Link} header and {@code X-Result-Count}.
 *
 * @param size how many elements (lines) the page holds
 * @param uuids each element's top-level {@code uuid}, null where it has none
 */
public record JsonLinesPage(byte[] lines, int length, int size, String[] uuids, LinkHeader links,
        OptionalLong resultCount) implements ListPage<JsonLinesPage> {

    @Override
    public String uuid(int index) {
        return uuids[index];
    }

    /** Compact JSON escapes every newline inside strings, so each raw {@code '\n'} ends one element. */
    @Override
    public JsonLinesPage keep(BitSet keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        String[] kept = new String[keep.cardinality()];
        int start = 0;
        int index = 0;
        int k = 0;
        for (int i = 0; i < length; i++) {
            if (lines[i] == '\n') {
                if (keep.get(index)) {
                    out.write(lines, start, i + 1 - start);
                    kept[k++] = uuids[index];
                }
                index++;
                start = i + 1;
            }
        }
        byte[] bytes = out.toByteArray();
        return new JsonLinesPage(bytes, bytes.length, k, Arrays.copyOf(kept, k), links, resultCount);
    }
}
