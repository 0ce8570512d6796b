package dev.tally.emulator.store;

import java.util.Set;

/**
 * The states of a Waldur marketplace order, by their wire names. The only place these names are spelled; the
 * transitions between them are {@link OrderLifecycle}'s (docs/emulator.md, "Order lifecycle").
 */
public enum OrderState implements WireName {
    PENDING_CONSUMER("pending-consumer"),
    PENDING_PROVIDER("pending-provider"),
    PENDING_PROJECT("pending-project"),
    PENDING_START_DATE("pending-start-date"),
    EXECUTING("executing"),
    DONE("done"),
    ERRED("erred"),
    CANCELED("canceled"),
    REJECTED("rejected");

    /** Every wire name, for the {@code ?state=} choice filter. */
    public static final Set<String> WIRE_NAMES = WireName.all(values());

    private final String wire;

    OrderState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The state of an order row. */
    public static OrderState of(JsonRow order) {
        return of(order.text("state"));
    }

    static OrderState of(String wire) {
        return WireName.parse(values(), wire);
    }

    /** Waiting for a review, a project start or a start date: the states in which an order may still be edited. */
    public boolean pending() {
        return this == PENDING_CONSUMER || this == PENDING_PROVIDER || this == PENDING_PROJECT
                || this == PENDING_START_DATE;
    }

    /** Not finished yet (pending or executing): Waldur refuses a second order for a resource while one is open. */
    public boolean open() {
        return pending() || this == EXECUTING;
    }
}
