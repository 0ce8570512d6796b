/**
 * Typed records for Waldur objects as the API serialises them. Unknown fields are ignored so a newer
 * server does not break the client; absent fields stay {@code null}.
 */
package dev.tally.waldur.model;
