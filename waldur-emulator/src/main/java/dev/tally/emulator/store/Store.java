package dev.tally.emulator.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All emulator data. Readers take {@link #readLock()}, writers {@link #writeLock()}; rows are mutated in place.
 * Time is logical: it starts at {@code asOf} and moves one millisecond per write, so runs are reproducible.
 */
public final class Store {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock writeLock = new ForgettingWriteLock();
    /**
     * The rows of recent filtered or sorted list requests, by what decides them ({@code Endpoint.select}); a harvest
     * asks for every page of one such list, and scanning the whole table again per page made the invoice items, at
     * 300 a page, four times as costly as any other collection. Every write forgets them. Access-ordered, so the
     * least recently used goes first beyond {@link #SELECTIONS} (each may hold a whole table's rows).
     */
    private final Map<String, List<Row>> selections = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Row>> eldest) {
            return size() > SELECTIONS;
        }
    };
    private static final int SELECTIONS = 4;
    private final Table<JsonRow> customers = new Table<>("customers", "name");
    private final Table<JsonRow> projects = new Table<>("projects", "name");
    private final Table<JsonRow> offerings = new Table<>("marketplace-public-offerings", "name");
    private final Table<JsonRow> orders = new Table<>("marketplace-orders", "created");
    private final Table<JsonRow> resources = new Table<>("marketplace-resources", "created");
    private final Table<UsageRow> usages = new Table<>("marketplace-component-usages", UsageRow.DEFAULT_ORDER);
    private final Map<String, JsonRow> plans = new HashMap<>();
    private final Map<String, JsonRow> offeringOfPlan = new HashMap<>();
    // Built by the first set_usage rather than at start-up, where two million keys would cost seconds of GC.
    private Map<String, UsageRow> usageIndex;
    private final Map<String, JsonRow> dryRuns = new LinkedHashMap<>();
    private final Map<String, List<PlanPeriods.Period>> planPeriods = new HashMap<>();
    private final Map<String, User> usersByToken = new LinkedHashMap<>();
    private final Map<String, User> usersByName = new LinkedHashMap<>();
    private final SplittableRandom runtimeRandom;
    private final InvoiceBook invoices = new InvoiceBook(this);
    // volatile: written under the write lock, read by Emulator.clock() from any thread without it
    private volatile Instant clock;

    Store(long seed, Instant asOf) {
        // A separate stream for runtime identifiers, so the dataset does not depend on what clients do later.
        this.runtimeRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.clock = asOf;
    }

    /** The invoice items, built from the orders (docs/emulator.md, "Invoices"). */
    public InvoiceBook invoices() {
        return invoices;
    }

    public ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    /** The write lock; releasing it forgets the {@link #selection selections}, since the write may change any row. */
    public Lock writeLock() {
        return writeLock;
    }

    /**
     * The rows {@code compute} gives for {@code key}, computed once until the next write. The caller holds the read
     * lock, so no write happens meanwhile; {@code key} must name everything the rows depend on besides the data.
     */
    public List<Row> selection(String key, Supplier<List<Row>> compute) {
        synchronized (selections) {
            List<Row> known = selections.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Row> rows = java.util.Collections.unmodifiableList(compute.get());
        synchronized (selections) {
            selections.put(key, rows);
        }
        return rows;
    }

    /** The write lock, forgetting the selections as each write ends (before another reader may take the read lock). */
    private final class ForgettingWriteLock implements Lock {
        @Override
        public void lock() {
            lock.writeLock().lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock.writeLock().lockInterruptibly();
        }

        @Override
        public boolean tryLock() {
            return lock.writeLock().tryLock();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return lock.writeLock().tryLock(time, unit);
        }

        @Override
        public void unlock() {
            synchronized (selections) {
                selections.clear();
            }
            lock.writeLock().unlock();
        }

        @Override
        public Condition newCondition() {
            return lock.writeLock().newCondition();
        }
    }

    public Table<JsonRow> customers() {
        return customers;
    }

    public Table<JsonRow> projects() {
        return projects;
    }

    public Table<JsonRow> offerings() {
        return offerings;
    }

    public Table<JsonRow> orders() {
        return orders;
    }

    public Table<JsonRow> resources() {
        return resources;
    }

    public Table<UsageRow> usages() {
        return usages;
    }

    public Optional<JsonRow> plan(String planUuid) {
        return Optional.ofNullable(planUuid == null ? null : plans.get(planUuid));
    }

    public Optional<JsonRow> offeringOfPlan(String planUuid) {
        return Optional.ofNullable(planUuid == null ? null : offeringOfPlan.get(planUuid));
    }

    void addPlan(JsonRow offering, JsonRow plan) {
        plans.put(plan.uuid(), plan);
        offeringOfPlan.put(plan.uuid(), offering);
    }

    Map<String, JsonRow> dryRuns() {
        return dryRuns;
    }

    void addUser(User user) {
        usersByToken.put(user.token(), user);
        usersByName.put(user.username(), user);
    }

    public Optional<User> userByToken(String token) {
        return Optional.ofNullable(usersByToken.get(token));
    }

    public Optional<User> userByName(String username) {
        return Optional.ofNullable(usersByName.get(username));
    }

    public Map<String, User> usersByName() {
        return usersByName;
    }

    /**
     * The usage already reported for this resource, component, plan period and month, if any (set_usage upserts on
     * that key, ComponentUsage's unique constraint).
     */
    public Optional<UsageRow> usageFor(String resourceUuid, String type, String planPeriod, LocalDate billingPeriod) {
        String period = PlanPeriods.isFirst(resourceUuid, planPeriod) ? FIRST_PERIOD : planPeriod;
        return Optional.ofNullable(usageIndex().get(usageKey(resourceUuid, type, period, billingPeriod)));
    }

    // The index names a resource's first plan period (every generated row's) without computing its UUID per row.
    private static final String FIRST_PERIOD = "";

    /** Adds a reported usage; callers hold the write lock. */
    void addUsage(UsageRow usage) {
        usages.add(usage);
        usageIndex().put(usageKey(usage), usage);
    }

    /** The plan periods stored for a resource whose plan changed, or null for its one derived period. */
    List<PlanPeriods.Period> planPeriods(String resourceUuid) {
        return planPeriods.get(resourceUuid);
    }

    /** Stores a resource's plan periods after a plan switch; callers hold the write lock. */
    void setPlanPeriods(String resourceUuid, List<PlanPeriods.Period> periods) {
        planPeriods.put(resourceUuid, periods);
    }

    // Only writers (set_usage, under the write lock) use this index, so building it needs no further locking.
    private Map<String, UsageRow> usageIndex() {
        if (usageIndex == null) {
            Map<String, UsageRow> index = new HashMap<>(usages.size() * 4 / 3 + 16);
            for (UsageRow usage : usages.rows()) {
                index.put(usageKey(usage), usage);
            }
            usageIndex = index;
        }
        return usageIndex;
    }

    private static String usageKey(UsageRow usage) {
        String period = usage.laterPlanPeriod();
        return usageKey(usage.resource().uuid(), usage.type(), period == null ? FIRST_PERIOD : period,
                usage.billingPeriod());
    }

    private static String usageKey(String resourceUuid, String type, String planPeriod, LocalDate billingPeriod) {
        return resourceUuid + '|' + type + '|' + planPeriod + '|' + billingPeriod;
    }

    /**
     * Staff {@code unlink}: deletes the resource row, and with it (Django's cascade) its orders and component usages
     * (docs/emulator.md, "Deletions"). Callers hold the write lock.
     */
    public void unlink(JsonRow resource) {
        String uuid = resource.uuid();
        resources.remove(resource);
        orders.removeIf(o -> uuid.equals(o.text("marketplace_resource_uuid")));
        usages.removeIf(u -> uuid.equals(u.resource().uuid()));
        usageIndex = null;
        tick();
    }

    /** Deletes an order row (DELETE of a pending order); callers hold the write lock. */
    public void deleteOrder(JsonRow order) {
        orders.remove(order);
        tick();
    }

    /** Advances the logical clock by one millisecond and returns it; callers hold the write lock. */
    Instant tick() {
        clock = clock.plus(Duration.ofMillis(1));
        return clock;
    }

    /** Sets the logical clock (never backwards; {@link MonthStart} checks); callers hold the write lock. */
    void moveClock(Instant to) {
        clock = to;
    }

    public Instant now() {
        return clock;
    }

    /** A new UUID from the runtime stream; callers hold the write lock. */
    String newUuid() {
        return Ids.uuid(runtimeRandom);
    }
}
