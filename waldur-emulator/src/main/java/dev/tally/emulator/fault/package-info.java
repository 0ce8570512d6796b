/**
 * Seeded, reproducible fault injection: throttling (429 with or without Retry-After), 5xx, connection resets, slow
 * and truncated responses, pages of lists whose count changes, whose links loop or never end, or that repeat
 * the page before, an optional proxy-style rate limiter, and per-request orders of tied rows. No routing or
 * data here.
 */
package dev.tally.emulator.fault;
