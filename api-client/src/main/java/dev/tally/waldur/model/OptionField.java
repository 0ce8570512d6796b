package dev.tally.waldur.model;

import java.util.List;

/**
 * One key an offering declares in {@code resource_options.options} (docs/waldur.md, LUMI options):
 * its {@code type} ({@code boolean}, {@code select_string_multi}, ...; empty when not given) and,
 * for selections, the allowed {@code choices}.
 */
public record OptionField(String type, List<String> choices) {
    public OptionField {
        type = type == null ? "" : type;
        choices = List.copyOf(choices);
    }
}
