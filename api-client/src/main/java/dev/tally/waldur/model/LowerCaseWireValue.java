package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum whose wire strings are its constants' names in lower case ({@code HALF_MONTH} is {@code half_month}); the
 * enums whose strings differ from their names ({@code pending-consumer}) spell them out instead.
 */
interface LowerCaseWireValue extends WireValue {
    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    @JsonValue
    @Override
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
