package dev.tally.waldur.snapshot;

import dev.tally.waldur.WaldurCollection;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The denormalised names Waldur serialises from a related object (docs/harvest.md, "Names joined locally"): a
 * resource's {@code project_name} is its project's name at the time of the request, and renaming the project does
 * not touch the resource's {@code modified}. An incremental harvest keeps most rows from its base snapshot, so it
 * rewrites these fields from the freshly merged related collection, changing only the value's bytes, as the server
 * would have rendered them.
 */
final class LocalJoins {
    /** {@code field} of a row takes {@code sourceField} of the {@code source} object whose UUID is in {@code key}. */
    record Join(String field, String key, WaldurCollection source, String sourceField) {
    }

    static final Map<WaldurCollection, List<Join>> JOINS = joins();

    private final Map<WaldurCollection, Map<String, Map<String, byte[]>>> values = new EnumMap<>(WaldurCollection.class);
    private final Snapshot base;
    // Per source: the UUIDs whose joined fields differ from the base snapshot's; computed on first use.
    private final Map<WaldurCollection, Set<String>> changed = new EnumMap<>(WaldurCollection.class);
    // Per source merged by streaming: the base lines the merge replaced, the only ones whose joined fields can
    // differ from the new snapshot's (a kept line is the base's own bytes, and joins never rewrite a source field).
    private final Map<WaldurCollection, List<byte[]>> replaced = new EnumMap<>(WaldurCollection.class);
    private final Set<WaldurCollection> complete = java.util.EnumSet.noneOf(WaldurCollection.class);

    /** Joins for rows kept from {@code base}; only rows whose source object changed since it are rewritten. */
    LocalJoins(Snapshot base) {
        this.base = base;
    }

    private static Map<WaldurCollection, List<Join>> joins() {
        Map<WaldurCollection, List<Join>> all = new EnumMap<>(WaldurCollection.class);
        Join customer = new Join("customer_name", "customer_uuid", WaldurCollection.CUSTOMERS, "name");
        Join project = new Join("project_name", "project_uuid", WaldurCollection.PROJECTS, "name");
        Join description = new Join("project_description", "project_uuid", WaldurCollection.PROJECTS, "description");
        all.put(WaldurCollection.PROJECTS, List.of(customer));
        all.put(WaldurCollection.ORDERS, List.of(customer, project, description));
        all.put(WaldurCollection.RESOURCES, List.of(customer, project, description,
                new Join("project_end_date", "project_uuid", WaldurCollection.PROJECTS, "end_date")));
        all.put(WaldurCollection.COMPONENT_USAGES, List.of(customer, project,
                new Join("resource_name", "resource_uuid", WaldurCollection.RESOURCES, "name")));
        return all;
    }

    /** The fields of {@code source} that joins read. */
    private static String[] sourceFields(WaldurCollection source) {
        Set<String> fields = new LinkedHashSet<>();
        JOINS.values().forEach(list -> list.stream().filter(j -> j.source() == source)
                .forEach(j -> fields.add(j.sourceField())));
        return fields.toArray(new String[0]);
    }

    /** Notes the values other collections join from {@code line}, one object of {@code c} as the new snapshot holds it. */
    void record(WaldurCollection c, String uuid, byte[] line) {
        String[] fields = sourceFields(c);
        if (fields.length == 0 || uuid == null) {
            return;
        }
        byte[][] raw = TopLevelFields.raw(line, fields, null);
        Map<String, Map<String, byte[]>> byField = values.computeIfAbsent(c, k -> new HashMap<>());
        for (int i = 0; i < fields.length; i++) {
            if (raw[i] != null) {
                byField.computeIfAbsent(fields[i], k -> new HashMap<>()).put(LineKey.normalised(uuid), raw[i]);
            }
        }
    }

    /**
     * Notes {@code bytes[from, from + length)}, a base line of {@code c} that a streamed merge replaced with the
     * fetched object; once {@link #streamed} says the merge held, only such lines are compared with the new values.
     */
    void replacedBase(WaldurCollection c, byte[] bytes, int from, int length) {
        if (isSource(c)) {
            replaced.computeIfAbsent(c, k -> new ArrayList<>()).add(Arrays.copyOfRange(bytes, from, from + length));
        }
    }

    /** Whether the base lines {@link #replacedBase} noted for {@code c} are all its lines that changed. */
    void streamed(WaldurCollection c, boolean held) {
        if (held && isSource(c)) {
            replaced.computeIfAbsent(c, k -> new ArrayList<>());
            complete.add(c);
        } else {
            replaced.remove(c);
        }
    }

    /** Whether other collections join fields from objects of {@code c}. */
    static boolean isSource(WaldurCollection c) {
        return sourceFields(c).length > 0;
    }

    /**
     * Whether {@link #apply} may rewrite a kept line of {@code c}: some object it joins from changed a joined field
     * since the base. Usually none did, and kept lines are then copied without looking at them.
     */
    boolean rewrites(WaldurCollection c) {
        for (Join join : JOINS.getOrDefault(c, List.of())) {
            if (!changedSince(join.source()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** {@code line}, an object of {@code c} kept from the base snapshot, with its joined fields as of now. */
    byte[] apply(WaldurCollection c, byte[] line) {
        List<Join> joins = JOINS.getOrDefault(c, List.of());
        if (joins.isEmpty() || !namesChanged(joins, line)) {
            return line;
        }
        String[] names = new String[joins.size() * 2];
        for (int i = 0; i < joins.size(); i++) {
            names[2 * i] = joins.get(i).field();
            names[2 * i + 1] = joins.get(i).key();
        }
        int[] spans = new int[names.length * 2];
        byte[][] raw = TopLevelFields.raw(line, names, spans);
        List<int[]> splices = new ArrayList<>();
        List<byte[]> replacements = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            byte[] current = raw[2 * i];
            byte[] key = raw[2 * i + 1];
            if (current == null || key == null || key.length < 2 || key[0] != '"') {
                continue;
            }
            String uuid = LineKey.normalised(new String(key, 1, key.length - 2, java.nio.charset.StandardCharsets.UTF_8));
            Join join = joins.get(i);
            byte[] fresh = values.getOrDefault(join.source(), Map.of()).getOrDefault(join.sourceField(), Map.of())
                    .get(uuid);
            if (fresh != null && !Arrays.equals(fresh, current)) {
                splices.add(new int[] {spans[4 * i], spans[4 * i + 1]});
                replacements.add(fresh);
            }
        }
        if (splices.isEmpty()) {
            return line;
        }
        return splice(line, splices, replacements);
    }

    /**
     * Whether {@code line} names (by UUID, as its bytes hold it) a source object whose joined fields changed since
     * the base: usually none did, and then no line of millions needs parsing.
     */
    private boolean namesChanged(List<Join> joins, byte[] line) {
        for (Join join : joins) {
            for (String uuid : changedSince(join.source())) {
                if (contains(line, uuid.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> changedSince(WaldurCollection source) {
        return changed.computeIfAbsent(source, s -> {
            String[] fields = sourceFields(s);
            Map<String, Map<String, byte[]>> now = values.getOrDefault(s, Map.of());
            Set<String> differ = new HashSet<>();
            java.util.function.Consumer<byte[]> compare = line -> {
                String[] names = Arrays.copyOf(fields, fields.length + 1);
                names[fields.length] = "uuid";
                byte[][] raw = TopLevelFields.raw(line, names, null);
                byte[] id = raw[fields.length];
                if (id == null || id.length < 2) {
                    return;
                }
                String uuid = LineKey.normalised(new String(id, 1, id.length - 2, java.nio.charset.StandardCharsets.UTF_8));
                for (int i = 0; i < fields.length; i++) {
                    byte[] fresh = now.getOrDefault(fields[i], Map.of()).get(uuid);
                    if (fresh != null && !Arrays.equals(fresh, raw[i])) {
                        differ.add(uuid);
                    }
                }
            };
            if (complete.contains(s)) {
                replaced.get(s).forEach(compare);
            } else {
                base.forEachLine(s, compare::accept);
            }
            return differ;
        });
    }

    private static boolean contains(byte[] line, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= line.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] splice(byte[] line, List<int[]> splices, List<byte[]> replacements) {
        Integer[] order = new Integer[splices.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(splices.get(a)[0], splices.get(b)[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 64);
        int at = 0;
        for (int i : order) {
            int[] span = splices.get(i);
            out.write(line, at, span[0] - at);
            out.writeBytes(replacements.get(i));
            at = span[1];
        }
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }
}
