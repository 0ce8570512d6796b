package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.WaldurJson;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Customer;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A harvested snapshot opened for reading. {@link #open(Path)} checks the manifest and every file's
 * SHA-256; reading a collection also checks its object count, so a tampered or partial snapshot is
 * refused with a message that names the file.
 */
public final class Snapshot {
    private final Path dir;
    private final Manifest manifest;
    private final ObjectMapper mapper;

    private Snapshot(Path dir, Manifest manifest, ObjectMapper mapper) {
        this.dir = dir;
        this.manifest = manifest;
        this.mapper = mapper;
    }

    /**
     * How opening a snapshot checks its files against the manifest's SHA-256s. Either way a file that differs from
     * what the harvest wrote is refused; they differ only in what they hash.
     */
    public enum Verification {
        /** Hash every file now, and neither read nor write the record of files checked before. */
        FULL,
        /**
         * Hash only the files an earlier check has not vouched for, that is those changed (or replaced, or touched)
         * since a command last hashed them, and record what was hashed (docs/cache.md, "Files already checked").
         */
        REMEMBERED
    }

    /** Opens and verifies a snapshot directory, hashing every file. */
    public static Snapshot open(Path dir) {
        return open(dir, Verification.FULL);
    }

    /** Opens and verifies a snapshot directory as {@code how} says. */
    public static Snapshot open(Path dir, Verification how) {
        Opening opening = readManifest(dir);
        Checksums.verify(dir, opening.manifest(), how);
        return new Snapshot(dir, opening.manifest(), opening.mapper);
    }

    /**
     * Reads and checks the manifest now and verifies the files' checksums on a background thread, so that work
     * that needs only the manifest (finding a derived cache keyed by its checksums) can go on meanwhile. The
     * snapshot itself comes only from {@link Opening#verified()}, so nothing can read a file before it is checked;
     * a damaged snapshot is refused there with the same message {@link #open} gives.
     */
    public static Opening opening(Path dir) {
        return opening(dir, Verification.FULL);
    }

    /** The same, verifying as {@code how} says. */
    public static Opening opening(Path dir, Verification how) {
        Opening opening = readManifest(dir);
        opening.startVerifying(how);
        return opening;
    }

    /** A snapshot whose manifest is read and whose files are being verified (see {@link #opening}). */
    public static final class Opening {
        private final Path dir;
        private final Manifest manifest;
        private final ObjectMapper mapper;
        private final java.util.concurrent.CompletableFuture<Snapshot> verified = new java.util.concurrent.CompletableFuture<>();

        private Opening(Path dir, Manifest manifest, ObjectMapper mapper) {
            this.dir = dir;
            this.manifest = manifest;
            this.mapper = mapper;
        }

        /** The checked manifest; its checksums are not yet known to match the files. */
        public Manifest manifest() {
            return manifest;
        }

        /** The snapshot directory. */
        public Path dir() {
            return dir;
        }

        /** Waits for the checksums and returns the verified snapshot, or throws the {@link SnapshotException} {@link #open} would. */
        public Snapshot verified() {
            try {
                return verified.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        /**
         * Reads the snapshot with {@code reader} while its checksums are being verified, and hands back what it read
         * only once they match: inflating and parsing need not wait for hashing, and nothing read from a file that
         * fails its check gets out (docs/cache.md, "Reading while verifying"). When the check fails, its
         * {@link SnapshotException} is thrown, whatever the reader made of the damaged bytes (its own failure is
         * attached as suppressed); when only the reader fails, its failure is thrown once the check has passed.
         */
        public <T> T readWhileVerifying(java.util.function.Function<Snapshot, T> reader) {
            T read;
            try {
                read = reader.apply(new Snapshot(dir, manifest, mapper));
            } catch (RuntimeException | Error e) {
                try {
                    verified();
                } catch (RuntimeException damaged) {
                    damaged.addSuppressed(e);
                    throw damaged;
                }
                throw e;
            }
            verified();
            return read;
        }

        private void startVerifying(Verification how) {
            Thread t = new Thread(() -> {
                try {
                    Checksums.verify(dir, manifest, how);
                    verified.complete(new Snapshot(dir, manifest, mapper));
                } catch (Throwable e) {
                    verified.completeExceptionally(e);
                }
            }, "tally-snapshot-verify");
            t.setDaemon(true);
            t.start();
        }
    }

    private static Opening readManifest(Path dir) {
        ObjectMapper mapper = WaldurJson.newMapper();
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        if (!Files.isDirectory(dir)) {
            throw new SnapshotException("no snapshot at " + dir + ": directory does not exist");
        }
        Manifest manifest;
        try {
            manifest = mapper.readValue(manifestFile.toFile(), Manifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new SnapshotException("not a snapshot: " + dir + " has no " + Manifest.FILE_NAME);
        } catch (IOException e) {
            throw new SnapshotException("snapshot " + dir + " has an unreadable " + Manifest.FILE_NAME + ": " + problem(e), e);
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new SnapshotException("snapshot " + dir + " has format '" + manifest.format() + "', expected '" + Manifest.FORMAT + "'");
        }
        if (manifest.startedAt() == null) {
            // the harvest time is the snapshot's "now" (its current month); without it a report would need a clock
            throw new SnapshotException("snapshot " + dir + " has no started_at in " + Manifest.FILE_NAME);
        }
        for (var e : manifest.collections().entrySet()) {
            checkFileName(dir, e.getKey(), e.getValue());
        }
        return new Opening(dir, manifest, mapper);
    }

    // names come from manifest.json: only a plain data-file name may become a path, never ../x or /etc/x
    private static void checkFileName(Path dir, String name, Manifest.Entry entry) {
        if (entry.file() == null || !entry.file().matches("[a-z0-9-]+\\.jsonl\\.gz")) {
            throw new SnapshotException("snapshot " + dir + " is damaged: " + Manifest.FILE_NAME + " names the file '"
                    + entry.file() + "' for " + name + ", which is not a snapshot data file");
        }
    }

    /** The data file {@code entry} names, which must be a plain snapshot file name and exist. */
    static Path dataFile(Path dir, String name, Manifest.Entry entry) {
        checkFileName(dir, name, entry);
        Path file = dir.resolve(entry.file());
        if (!Files.isRegularFile(file)) {
            throw new SnapshotException("snapshot " + dir + " is incomplete: " + entry.file() + " is missing");
        }
        return file;
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public boolean has(WaldurCollection collection) {
        return manifest.collections().containsKey(collection.id());
    }

    /** Every object of a collection, typed; an empty list if the snapshot does not hold it. */
    public <T> List<T> read(WaldurCollection collection, Class<T> type) {
        Manifest.Entry entry = manifest.collections().get(collection.id());
        List<T> out = new ArrayList<>(entry == null ? 0 : (int) Math.min(entry.count(), 1 << 20));
        forEach(collection, type, out::add);
        return out;
    }

    /**
     * Streams every object of a collection, typed, without holding them all: big collections
     * (millions of component usages) can be reduced as they are read. The object count is checked
     * against the manifest at the end.
     */
    public <T> void forEach(WaldurCollection collection, Class<T> type, Consumer<? super T> sink) {
        Manifest.Entry entry = manifest.collections().get(collection.id());
        if (entry == null) {
            return;
        }
        Path file = dir.resolve(entry.file());
        ObjectReader reader = mapper.readerFor(type);
        long line = 0;
        // Values are read straight from the decompressed bytes, one per line, without building
        // an intermediate String per line. GZIPInputStream reads concatenated gzip members as one
        // stream: files written as one member (older harvests) and as many read alike.
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                MappingIterator<T> values = reader.readValues(in)) {
            Identities ids = new Identities(type);
            while (values.hasNextValue()) {
                T value = values.nextValue();
                ids.check(value);
                line++;
                sink.accept(value);
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(entry, line + 1, e);
        }
        checkCount(entry, line);
    }

    /**
     * Streams every component usage to {@code sink} as plain values: no record, tree or (for integer
     * usages) {@code BigDecimal} per usage, since a large snapshot holds millions of them. Usages
     * without a resource, component type, amount or month make the file unreadable. The object count is checked
     * against the manifest at the end. Safe to call on another thread than the other readers.
     */
    public void forEachUsage(UsageSink sink) {
        forEachParsed(WaldurCollection.COMPONENT_USAGES, new UsageReader(sink));
    }

    /**
     * Streams every order as an {@link OrderSummary}, reading only its fields; equal UUIDs share
     * one string (a few thousand plans and offerings recur across a hundred thousand orders).
     */
    public void forEachOrderSummary(Consumer<? super OrderSummary> sink) {
        Identities ids = new Identities(null);
        forEachParsed(WaldurCollection.ORDERS, new OrderReader(o -> {
            ids.check(o.uuid());
            sink.accept(o);
        }));
    }

    /** Streams every resource as a {@link ResourceSummary}, reading only its fields; equal UUIDs and names share one string. */
    public void forEachResourceSummary(Consumer<? super ResourceSummary> sink) {
        Identities ids = new Identities(null);
        forEachParsed(WaldurCollection.RESOURCES, new ResourceReader(r -> {
            ids.check(r.uuid());
            sink.accept(r);
        }));
    }

    /**
     * Streams every object of a collection to {@code reader} as parser events, without building a
     * record or tree per object: for the largest collections, where a caller needs a few fields of
     * millions of objects. The object count is checked against the manifest at the end.
     */
    private void forEachParsed(WaldurCollection collection, ObjectParser reader) {
        Manifest.Entry entry = manifest.collections().get(collection.id());
        if (entry == null) {
            return;
        }
        Path file = dir.resolve(entry.file());
        long line = 0;
        // the largest collections: their gzip members are inflated on several threads (same bytes as GZIPInputStream)
        try (InputStream in = ParallelGunzip.open(file);
                JsonParser parser = mapper.createParser(in)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("expected a JSON object, found " + t);
                }
                reader.read(parser);
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new IllegalStateException("the reader did not consume the whole object");
                }
                line++;
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(entry, line + 1, e);
        }
        checkCount(entry, line);
    }

    /** Receives one stored line. */
    @FunctionalInterface
    interface LineSink {
        void accept(byte[] line) throws IOException;
    }

    /**
     * Streams the stored lines of a collection, each with its newline, as they are in the file (for an incremental
     * harvest, which keeps them byte for byte). The object count is checked against the manifest at the end.
     */
    void forEachLine(WaldurCollection collection, LineSink sink) {
        Manifest.Entry entry = manifest.collections().get(collection.id());
        if (entry == null) {
            return;
        }
        Path file = dir.resolve(entry.file());
        long line = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream(4096);
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        current.write(buffer, start, i + 1 - start);
                        sink.accept(current.toByteArray());
                        current.reset();
                        line++;
                        start = i + 1;
                    }
                }
                current.write(buffer, start, n - start);
            }
            if (current.size() > 0) {
                throw new IOException("the last line has no newline");
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(entry, line + 1, e);
        }
        checkCount(entry, line);
    }

    /** How many objects of a collection the manifest lists; 0 when the snapshot does not hold it. */
    public long count(WaldurCollection collection) {
        Manifest.Entry entry = manifest.collections().get(collection.id());
        return entry == null ? 0 : entry.count();
    }

    public List<Customer> customers() {
        return read(WaldurCollection.CUSTOMERS, Customer.class);
    }

    public List<Project> projects() {
        return read(WaldurCollection.PROJECTS, Project.class);
    }

    public List<Offering> offerings() {
        return read(WaldurCollection.OFFERINGS, Offering.class);
    }

    public List<Order> orders() {
        return read(WaldurCollection.ORDERS, Order.class);
    }

    public List<Resource> resources() {
        return read(WaldurCollection.RESOURCES, Resource.class);
    }

    public List<ComponentUsage> componentUsages() {
        return read(WaldurCollection.COMPONENT_USAGES, ComponentUsage.class);
    }

    /**
     * Every object of a collection has a Waldur UUID, and no two share one (docs/reliability.md, "Data
     * invariants"): an object without one, or the same object twice, would quietly drop or double a figure,
     * so the snapshot is refused as damaged. Usages are checked by {@link UsageReader} (their identity for
     * the figures is resource, component and month; docs/definitions.md, "Data quality").
     */
    private static final class Identities {
        private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile("[0-9a-f]{32}");
        private final java.lang.reflect.Method accessor;
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        Identities(Class<?> type) {
            java.lang.reflect.Method m = null;
            if (type != null && type.isRecord()) {
                for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                    if (c.getName().equals("uuid")) {
                        m = c.getAccessor();
                    }
                }
            }
            accessor = m;
        }

        void check(Object value) {
            if (accessor == null) {
                return;
            }
            try {
                check((String) accessor.invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        void check(String uuid) {
            if (uuid == null || !UUID.matcher(uuid).matches()) {
                throw new IllegalArgumentException(uuid == null ? "the object has no 'uuid'" : "'uuid' is not a Waldur UUID (" + uuid + ")");
            }
            if (!seen.add(uuid)) {
                throw new IllegalArgumentException("the object " + uuid + " is in the file twice");
            }
        }
    }

    /** The one-line error for a line of {@code entry}'s file that does not read. */
    private SnapshotException unreadable(Manifest.Entry entry, long line, Exception e) {
        return new SnapshotException("snapshot " + dir + ": " + entry.file() + " line " + line + " is unreadable: " + problem(e), e);
    }

    /**
     * What is wrong, in words and without Java's type names: {@code 'cost' is not a decimal number ("abc")}.
     * Jackson's own messages name classes such as {@code java.math.BigDecimal}, which mean nothing to a reader.
     */
    static String problem(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String value = m instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? " (" + f.getValue() + ")" : "";
            return (field.isEmpty() ? "the object" : "'" + field + "'") + " is not " + expected(m.getTargetType()) + value;
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return "not valid JSON: " + String.valueOf(j.getOriginalMessage()).lines().findFirst().orElse("");
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "not a complete gzip file";
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                .replaceAll("(?:[a-zA-Z_$][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
    }

    private static String expected(Class<?> type) {
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a date and time";
        }
        if (type == java.time.LocalDate.class) {
            return "a date";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }

    /** A file holding more or fewer objects than the manifest says was cut or changed after the harvest. */
    private void checkCount(Manifest.Entry entry, long objects) {
        if (objects != entry.count()) {
            throw new SnapshotException("snapshot " + dir + " is inconsistent: " + entry.file() + " holds " + objects
                    + " objects but " + Manifest.FILE_NAME + " says " + entry.count());
        }
    }
}
