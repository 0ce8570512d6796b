package dev.tally.core.fact;

import java.util.List;
import java.util.Objects;

/**
 * The LUMI resource options (docs/definitions.md, "LUMI options"). {@code usedAiTech} is multi-valued and empty when the
 * option is missing or empty.
 */
public record LumiOptions(Flag isIndustry, Flag isCommercial, Flag isTraining, List<String> usedAiTech) {
    /** A resource without any options. */
    public static final LumiOptions NONE = new LumiOptions(Flag.UNKNOWN, Flag.UNKNOWN, Flag.UNKNOWN, List.of());

    public LumiOptions {
        Objects.requireNonNull(isIndustry, "isIndustry");
        Objects.requireNonNull(isCommercial, "isCommercial");
        Objects.requireNonNull(isTraining, "isTraining");
        usedAiTech = List.copyOf(usedAiTech);
    }
}
