/** Cost in {@code BigDecimal}: plan prices and the Waldur estimate formula (CONTRACT §8). */
package dev.tally.core.cost;
