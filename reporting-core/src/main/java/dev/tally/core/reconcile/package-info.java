/**
 * Reconciliation of two sources (docs/definitions.md, "Reconciliation"): Waldur's component usages
 * against a site's own accounting, and Tally's computed monthly cost against Waldur's invoiced price.
 * Takes records already read; no file formats here.
 */
package dev.tally.core.reconcile;
