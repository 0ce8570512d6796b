/**
 * Seeded, reproducible fault injection: throttling (429 with or without Retry-After), 5xx, connection resets, slow
 * and truncated responses, an optional proxy-style rate limiter, and per-request orders of tied rows. No routing or
 * data here.
 */
package dev.tally.emulator.fault;
