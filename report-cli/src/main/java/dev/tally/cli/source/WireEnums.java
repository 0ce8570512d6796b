package dev.tally.cli.source;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;

/**
 * The client's enums as the core's: the client reads Waldur's strings, the core only sees its own
 * values. A value the client does not know (or a missing one) takes the core's default for it:
 * {@code UNKNOWN} for billing types, order types and states, {@code MONTH} for limit periods and
 * plan units (Waldur's own default for LUMI's components and plans; docs/waldur.md, Enumerations).
 */
final class WireEnums {
    private WireEnums() {
    }

    static BillingType billingType(dev.tally.waldur.model.BillingType t) {
        return switch (t == null ? dev.tally.waldur.model.BillingType.UNKNOWN : t) {
            case FIXED -> BillingType.FIXED;
            case USAGE -> BillingType.USAGE;
            case LIMIT -> BillingType.LIMIT;
            case ONE -> BillingType.ONE;
            case FEW -> BillingType.FEW;
            case UNKNOWN -> BillingType.UNKNOWN;
        };
    }

    static LimitPeriod limitPeriod(dev.tally.waldur.model.LimitPeriod p) {
        return switch (p == null ? dev.tally.waldur.model.LimitPeriod.UNKNOWN : p) {
            case MONTH, UNKNOWN -> LimitPeriod.MONTH;
            case QUARTERLY -> LimitPeriod.QUARTERLY;
            case ANNUAL -> LimitPeriod.ANNUAL;
            case TOTAL -> LimitPeriod.TOTAL;
        };
    }

    static PlanUnit planUnit(dev.tally.waldur.model.PlanUnit u) {
        return switch (u == null ? dev.tally.waldur.model.PlanUnit.UNKNOWN : u) {
            case MONTH, UNKNOWN -> PlanUnit.MONTH;
            case QUARTER -> PlanUnit.QUARTER;
            case HALF_MONTH -> PlanUnit.HALF_MONTH;
            case DAY -> PlanUnit.DAY;
            case HOUR -> PlanUnit.HOUR;
            case QUANTITY -> PlanUnit.QUANTITY;
        };
    }

    static OrderType orderType(dev.tally.waldur.model.OrderType t) {
        return switch (t) {
            case CREATE -> OrderType.CREATE;
            case UPDATE -> OrderType.UPDATE;
            case TERMINATE -> OrderType.TERMINATE;
            case RESTORE -> OrderType.RESTORE;
            case UNKNOWN -> OrderType.UNKNOWN;
        };
    }

    static OrderState orderState(dev.tally.waldur.model.OrderState s) {
        return switch (s) {
            case PENDING_CONSUMER -> OrderState.PENDING_CONSUMER;
            case PENDING_PROVIDER -> OrderState.PENDING_PROVIDER;
            case PENDING_PROJECT -> OrderState.PENDING_PROJECT;
            case PENDING_START_DATE -> OrderState.PENDING_START_DATE;
            case EXECUTING -> OrderState.EXECUTING;
            case DONE -> OrderState.DONE;
            case ERRED -> OrderState.ERRED;
            case CANCELED -> OrderState.CANCELED;
            case REJECTED -> OrderState.REJECTED;
            case UNKNOWN -> OrderState.UNKNOWN;
        };
    }
}
