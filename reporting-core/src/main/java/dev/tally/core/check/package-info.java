/**
 * Argument checks shared by the core's records, with the same exceptions and messages as the JDK's own.
 * Plain Java only: nothing here knows the domain.
 */
package dev.tally.core.check;
