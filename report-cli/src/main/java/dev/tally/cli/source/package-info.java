/**
 * The adapter from api-client records and snapshot summaries to reporting-core inputs, the only place
 * both meet; it maps the client's enums to the core's and never reads Waldur JSON itself.
 */
package dev.tally.cli.source;
