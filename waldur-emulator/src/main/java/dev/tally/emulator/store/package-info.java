/**
 * The emulator's in-memory data and every change to it: the generated LUMI-like dataset, kept as JSON trees whose links
 * are stored as paths ({@code /api/...}), and the operations that change it, above all {@link
 * dev.tally.emulator.store.OrderLifecycle}, the one order state machine. Nothing here knows about HTTP.
 */
package dev.tally.emulator.store;
