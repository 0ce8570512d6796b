/**
 * The HTTP face of the emulator: routing, DRF-style authentication, pagination ({@code Link}, {@code X-Result-Count}),
 * filters and errors, on the JDK's {@code com.sun.net.httpserver}. No data generation here.
 */
package dev.tally.emulator.http;
