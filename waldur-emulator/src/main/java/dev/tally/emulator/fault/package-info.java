/**
 * Seeded, reproducible fault injection: throttling (429 with Retry-After), 5xx, connection resets, slow and
 * truncated responses, and an optional proxy-style rate limiter. No routing or data here.
 */
package dev.tally.emulator.fault;
