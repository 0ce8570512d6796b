/**
 * The HTTP face of the emulator: routing, DRF-style authentication, pagination ({@code Link}, {@code X-Result-Count}),
 * filters and errors, on the JDK's {@code com.sun.net.httpserver}. It parses and checks requests and writes responses;
 * changes to the data go through the store's operations (docs/emulator.md, "Layout").
 */
package dev.tally.emulator.http;
