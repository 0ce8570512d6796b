package dev.tally.waldur.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The LUMI options of a resource (docs/waldur.md, LUMI options), typed. A flag is null when it is
 * missing or holds neither a boolean nor the text {@code true}/{@code false}: Waldur stores whatever
 * the order sent, so both {@code true} and {@code "true"} occur. {@code usedAiTech} holds the
 * non-blank texts of the option, which may be a list or a single text; empty when missing.
 */
public record ResourceOptions(Boolean isIndustry, Boolean isCommercial, Boolean isTraining, List<String> usedAiTech) {
    /** A resource without options. */
    public static final ResourceOptions NONE = new ResourceOptions(null, null, null, List.of());

    public ResourceOptions {
        usedAiTech = List.copyOf(usedAiTech);
    }

    /** The options of a resource's {@code options} object; {@link #NONE} for null or anything but an object. */
    public static ResourceOptions of(JsonNode options) {
        if (options == null || !options.isObject()) {
            return NONE;
        }
        List<String> ai = new ArrayList<>();
        JsonNode tech = options.get("used_ai_tech");
        if (tech != null && tech.isArray()) {
            tech.forEach(t -> {
                if (t.isTextual() && !t.asText().isBlank()) {
                    ai.add(t.asText());
                }
            });
        } else if (tech != null && tech.isTextual() && !tech.asText().isBlank()) {
            ai.add(tech.asText());
        }
        return new ResourceOptions(flag(options.get("is_industry")), flag(options.get("is_commercial")),
                flag(options.get("is_training")), ai);
    }

    private static Boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().strip();
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
