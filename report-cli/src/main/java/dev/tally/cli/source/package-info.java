/** The adapter from api-client records (a snapshot) to reporting-core facts; the only place both meet. */
package dev.tally.cli.source;
