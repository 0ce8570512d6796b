package dev.tally.core.fact;

import dev.tally.core.check.Checks;
import java.util.List;

/**
 * The LUMI resource options (docs/definitions.md, "LUMI options"). {@code usedAiTech} is multi-valued and empty when the
 * option is missing or empty.
 */
public record LumiOptions(Flag isIndustry, Flag isCommercial, Flag isTraining, List<String> usedAiTech) {
    /** A resource without any options. */
    public static final LumiOptions NONE = new LumiOptions(Flag.UNKNOWN, Flag.UNKNOWN, Flag.UNKNOWN, List.of());

    public LumiOptions {
        Checks.nonNull("isIndustry, isCommercial, isTraining", isIndustry, isCommercial, isTraining);
        usedAiTech = List.copyOf(usedAiTech);
    }
}
