package dev.tally.core.country;

import java.util.Map;

/** English names of the countries that take part in EuroHPC and LUMI, by ISO-3166 alpha-2 code. */
public final class Countries {
    private Countries() {
    }

    public static final Map<String, String> ISO_TO_NAME = Map.ofEntries(
            Map.entry("AT", "Austria"), Map.entry("BE", "Belgium"), Map.entry("BG", "Bulgaria"),
            Map.entry("CH", "Switzerland"), Map.entry("CY", "Cyprus"), Map.entry("CZ", "Czech Republic"),
            Map.entry("DE", "Germany"), Map.entry("DK", "Denmark"), Map.entry("EE", "Estonia"),
            Map.entry("ES", "Spain"), Map.entry("FI", "Finland"), Map.entry("FR", "France"),
            Map.entry("GR", "Greece"), Map.entry("HR", "Croatia"), Map.entry("HU", "Hungary"),
            Map.entry("IE", "Ireland"), Map.entry("IS", "Iceland"), Map.entry("IT", "Italy"),
            Map.entry("LT", "Lithuania"), Map.entry("LU", "Luxembourg"), Map.entry("LV", "Latvia"),
            Map.entry("ME", "Montenegro"), Map.entry("MK", "North Macedonia"), Map.entry("MT", "Malta"),
            Map.entry("NL", "Netherlands"), Map.entry("NO", "Norway"), Map.entry("PL", "Poland"),
            Map.entry("PT", "Portugal"), Map.entry("RO", "Romania"), Map.entry("RS", "Serbia"),
            Map.entry("SE", "Sweden"), Map.entry("SI", "Slovenia"), Map.entry("SK", "Slovakia"),
            Map.entry("TR", "Turkey"), Map.entry("GB", "United Kingdom"));
}
