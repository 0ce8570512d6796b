/**
 * The emulator's in-memory data: generated LUMI-like customers, offerings, projects, orders, resources and
 * component usages, kept as JSON trees whose links are stored as paths ({@code /api/...}) and made absolute per request.
 * Nothing here knows about HTTP.
 */
package dev.tally.emulator.store;
