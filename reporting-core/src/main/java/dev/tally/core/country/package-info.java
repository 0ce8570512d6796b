/** The rule that assigns an offering to a LUMI country share, and says which step decided. */
package dev.tally.core.country;
