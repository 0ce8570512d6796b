/**
 * Reading the other side of a reconciliation: a site's accounting export through a column mapping
 * ({@code SiteFormat}, docs/reports.md "Reconciliation"). The comparison itself is the core's
 * ({@code dev.tally.core.reconcile}).
 */
package dev.tally.cli.reconcile;
