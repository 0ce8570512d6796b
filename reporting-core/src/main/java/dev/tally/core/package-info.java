/**
 * The accounting domain: allocation facts, country shares, cost and aggregation.
 * Pure Java: no HTTP, JSON, file formats or CLI code may be imported here.
 */
package dev.tally.core;
