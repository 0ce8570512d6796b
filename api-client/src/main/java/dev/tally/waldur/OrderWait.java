package dev.tally.waldur;

import dev.tally.waldur.model.Order;

/** What {@link WaldurClient#awaitOrder} waits for. */
public enum OrderWait {
    /** A terminal state: done, erred, canceled or rejected. */
    TERMINAL,
    /**
     * A terminal state or a {@code marketplace_resource_uuid}, whichever comes first: the seed
     * document's "pull the order until the resource UUID is present".
     */
    RESOURCE;

    boolean reached(Order order) {
        boolean terminal = order.state() != null && order.state().isTerminal();
        return this == TERMINAL ? terminal : terminal || order.marketplaceResourceUuid() != null;
    }
}
