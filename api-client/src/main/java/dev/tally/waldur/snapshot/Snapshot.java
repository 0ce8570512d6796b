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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /** Opens and verifies a snapshot directory. */
    public static Snapshot open(Path dir) {
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
            throw new SnapshotException("snapshot " + dir + " has an unreadable " + Manifest.FILE_NAME + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new SnapshotException("snapshot " + dir + " has format '" + manifest.format() + "', expected '" + Manifest.FORMAT + "'");
        }
        if (manifest.startedAt() == null) {
            // the harvest time is the snapshot's "now" (its current month); without it a report would need a clock
            throw new SnapshotException("snapshot " + dir + " has no started_at in " + Manifest.FILE_NAME);
        }
        for (var e : manifest.collections().entrySet()) {
            verifyChecksum(dir, e.getKey(), e.getValue());
        }
        return new Snapshot(dir, manifest, mapper);
    }

    private static void verifyChecksum(Path dir, String name, Manifest.Entry entry) {
        // names come from manifest.json: only a plain data-file name may become a path, never ../x or /etc/x
        if (entry.file() == null || !entry.file().matches("[a-z0-9-]+\\.jsonl\\.gz")) {
            throw new SnapshotException("snapshot " + dir + " is damaged: " + Manifest.FILE_NAME + " names the file '"
                    + entry.file() + "' for " + name + ", which is not a snapshot data file");
        }
        Path file = dir.resolve(entry.file());
        if (!Files.isRegularFile(file)) {
            throw new SnapshotException("snapshot " + dir + " is incomplete: " + entry.file() + " is missing");
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!actual.equalsIgnoreCase(entry.sha256())) {
                throw new SnapshotException("snapshot " + dir + " is damaged: " + entry.file()
                        + " does not match its SHA-256 in " + Manifest.FILE_NAME + " (changed after the harvest?)");
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            while (values.hasNextValue()) {
                line++;
                sink.accept(values.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(entry, line + 1, e);
        }
        checkCount(entry, line);
    }

    /**
     * Streams every component usage to {@code sink} as plain values: no record, tree or (for integer
     * usages) {@code BigDecimal} per usage, since a large snapshot holds millions of them. Usages
     * without a resource, component type, amount or month are left out. The object count is checked
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
        forEachParsed(WaldurCollection.ORDERS, new OrderReader(sink));
    }

    /** Streams every resource as a {@link ResourceSummary}, reading only its fields; equal UUIDs and names share one string. */
    public void forEachResourceSummary(Consumer<? super ResourceSummary> sink) {
        forEachParsed(WaldurCollection.RESOURCES, new ResourceReader(sink));
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
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
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

    /** The one-line error for a line of {@code entry}'s file that does not read. */
    private SnapshotException unreadable(Manifest.Entry entry, long line, Exception e) {
        return new SnapshotException("snapshot " + dir + ": " + entry.file() + " line " + line + " is unreadable: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }

    /** A file holding more or fewer objects than the manifest says was cut or changed after the harvest. */
    private void checkCount(Manifest.Entry entry, long objects) {
        if (objects != entry.count()) {
            throw new SnapshotException("snapshot " + dir + " is inconsistent: " + entry.file() + " holds " + objects
                    + " objects but " + Manifest.FILE_NAME + " says " + entry.count());
        }
    }
}
