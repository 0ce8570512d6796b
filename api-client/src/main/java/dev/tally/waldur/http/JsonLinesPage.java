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
 * @param ends where each line ends in {@code lines} (just after its newline): line {@code i} is
 *     {@code [i == 0 ? 0 : ends[i - 1], ends[i])}
 */
public record JsonLinesPage(byte[] lines, int length, int size, String[] uuids, int[] ends, LinkHeader links,
        OptionalLong resultCount) implements ListPage<JsonLinesPage> {

    @Override
    public String uuid(int index) {
        return uuids[index];
    }

    @Override
    public JsonLinesPage keep(BitSet keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        String[] kept = new String[keep.cardinality()];
        int[] keptEnds = new int[kept.length];
        int k = 0;
        for (int index = 0; index < size; index++) {
            if (keep.get(index)) {
                int start = index == 0 ? 0 : ends[index - 1];
                out.write(lines, start, ends[index] - start);
                kept[k] = uuids[index];
                keptEnds[k++] = out.size();
            }
        }
        byte[] bytes = out.toByteArray();
        return new JsonLinesPage(bytes, bytes.length, k, Arrays.copyOf(kept, k), Arrays.copyOf(keptEnds, k), links,
                resultCount);
    }
}
