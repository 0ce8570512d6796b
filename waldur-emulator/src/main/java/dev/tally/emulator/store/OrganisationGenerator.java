package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.OrganisationRecords.ProjectSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated organisations: a customer per national allocator and the provider, each with its user, and the
 * projects under the allocators. It draws from the generator's one random stream, when {@link DatasetGenerator}
 * calls it, so the data stays what it was.
 */
final class OrganisationGenerator {
    private final SplittableRandom random;
    private final Instant asOf;
    private final DatasetGenerator.Rows rows;
    private final List<JsonRow> allocatorCustomers = new ArrayList<>();
    private final Map<String, User> allocatorUsers = new HashMap<>();
    private final Map<String, JsonRow> customersByUuid = new HashMap<>();
    private JsonRow provider;
    private User providerUser;

    OrganisationGenerator(SplittableRandom random, Instant asOf, DatasetGenerator.Rows rows) {
        this.random = random;
        this.asOf = asOf;
        this.rows = rows;
    }

    /** Draws the allocators' customers, then the provider's, each with its user; returns them in that order. */
    List<JsonRow> customers() {
        Instant start = asOf.minus(Duration.ofDays(2063));
        int i = 0;
        for (Catalog.Allocator allocator : Catalog.ALLOCATORS) {
            JsonRow customer = customer(allocator.name(), allocator.abbreviation(), allocator.slug(),
                    allocator.country(), allocator.countryName(), start.plusSeconds(600L * i++), allocator.ownsShare());
            allocatorCustomers.add(customer);
            User user = new User(allocator.slug() + "-allocator", allocator.slug() + "-password",
                    allocator.abbreviation() + " allocator", false, customer.uuid(), Ids.token(random));
            allocatorUsers.put(customer.uuid(), user);
            rows.user(user);
        }
        provider = customer(Catalog.PROVIDER_NAME, "LUMI", "lumi", "FI", "Finland", start.plusSeconds(600L * i), true);
        providerUser = new User("lumi-sp", "lumi-password", "LUMI service provider", false, provider.uuid(),
                Ids.token(random));
        rows.user(providerUser);
        List<JsonRow> all = new ArrayList<>(allocatorCustomers);
        all.add(provider);
        return all;
    }

    private JsonRow customer(String name, String abbreviation, String slug, String country, String countryName,
                             Instant created, boolean serviceProvider) {
        String uuid = Ids.uuid(random);
        String createdText = Ids.timestamp(created.plusNanos(random.nextLong(1_000_000) * 1000));
        // 8.0.5 types email and homepage as email and uri, so blank strings would not validate; use placeholders.
        ObjectNode node = OrganisationRecords.customer(uuid, createdText, name, abbreviation, slug, country, countryName,
                "allocations@" + slug + ".example.org", "https://" + slug + ".example.org/",
                serviceProvider ? Ids.uuid(random) : null);
        JsonRow row = rows.row(node);
        customersByUuid.put(uuid, row);
        return row;
    }

    /** The customer of allocator {@code i} of {@link Catalog#ALLOCATORS}. */
    JsonRow allocatorCustomer(int i) {
        return allocatorCustomers.get(i);
    }

    /** The index in {@link Catalog#ALLOCATORS} of an allocator's customer. */
    int allocatorIndex(JsonRow customer) {
        return allocatorCustomers.indexOf(customer);
    }

    /** The customer with {@code uuid}. */
    JsonRow customer(String uuid) {
        return customersByUuid.get(uuid);
    }

    /** The service provider's customer. */
    JsonRow provider() {
        return provider;
    }

    /** The service provider's user. */
    User providerUser() {
        return providerUser;
    }

    /** The user of the allocator whose customer has {@code customerUuid}. */
    User allocatorUser(String customerUuid) {
        return allocatorUsers.get(customerUuid);
    }

    /** Draws {@code total} projects, each under an allocator picked by its weight. */
    List<JsonRow> projects(int total) {
        int weightSum = Catalog.ALLOCATORS.stream().mapToInt(Catalog.Allocator::weight).sum();
        List<JsonRow> projects = new ArrayList<>(total);
        long windowSeconds = Duration.ofDays(1350).toSeconds();
        for (int i = 0; i < total; i++) {
            int pick = random.nextInt(weightSum);
            int a = 0;
            while (pick >= Catalog.ALLOCATORS.get(a).weight()) {
                pick -= Catalog.ALLOCATORS.get(a).weight();
                a++;
            }
            JsonRow customer = allocatorCustomers.get(a);
            Instant created = asOf.minus(Duration.ofDays(10)).minusSeconds(random.nextLong(windowSeconds))
                    .minusNanos(random.nextLong(1_000_000) * 1000);
            projects.add(project(customer, created, i));
        }
        return projects;
    }

    private JsonRow project(JsonRow customer, Instant created, int index) {
        String uuid = Ids.uuid(random);
        String topic = Catalog.PROJECT_TOPICS.get(random.nextInt(Catalog.PROJECT_TOPICS.size()));
        String name = random.nextInt(50) == 0 ? topic
                : topic + " " + Catalog.PROJECT_SUFFIXES.get(random.nextInt(Catalog.PROJECT_SUFFIXES.size()))
                  + " " + (1000 + random.nextInt(9000));
        String description = random.nextInt(3) == 0 ? "" : "Allocation for " + name;
        // Puhuri: backend_id carries the allocator's own project id; some allocators leave it blank.
        String backendId = random.nextInt(10) == 0 ? ""
                : customer.text("abbreviation").toLowerCase() + "-" + (462000000 + index);
        String startDate = random.nextInt(4) == 0 ? LocalDate.ofInstant(created, ZoneOffset.UTC).toString() : null;
        int oecd = random.nextInt(20);
        String code = oecd == 0 ? null : oecd == 1 ? ""
                : Catalog.OECD_CODES.get(random.nextInt(Catalog.OECD_CODES.size()));
        boolean industry = random.nextInt(100) < 8;
        int kind = random.nextInt(100);
        return rows.row(OrganisationRecords.project(new ProjectSpec(uuid, name, customer, description,
                Ids.timestamp(created), backendId, startDate, null, code, industry,
                kind < 90 ? "default" : kind < 97 ? "course" : "public")));
    }
}
