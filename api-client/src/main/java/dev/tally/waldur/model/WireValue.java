package dev.tally.waldur.model;

/** An enum value that crosses the API as a display string (docs/waldur.md, Enumerations). */
public interface WireValue {
    /** The string Waldur sends and accepts for this value. */
    String wire();
}
