/**
 * A standalone Waldur marketplace emulator for tests and demos: {@link dev.tally.emulator.Emulator} serves a
 * generated LUMI-like dataset over loopback HTTP. Written from the API contract only; it must not depend on any
 * other Tally module.
 */
package dev.tally.emulator;
