/**
 * Client for the Waldur marketplace REST API: typed access, pagination, retries and auth.
 * Knows nothing about reports; nothing here may import reporting or rendering code.
 */
package dev.tally.waldur;
