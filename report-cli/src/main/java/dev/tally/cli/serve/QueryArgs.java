package dev.tally.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page's question, as URL parameters named after {@code tally query}'s options ({@code month},
 * {@code group-by}, {@code measure}, {@code where}, …), turned into that command's options. Only the
 * options that ask a question are taken: which snapshot is read, where files go and what format is
 * written stay the server's choice.
 */
final class QueryArgs {
    /** Options with a value, as {@code --name=value} so that a value starting with '-' stays a value. */
    static final List<String> VALUED = List.of("month", "quarter", "year", "from", "to", "group-by", "measure", "where",
            "top", "sort", "currency");
    /** Options without a value: given when the parameter is {@code true}, left out when {@code false}. */
    static final List<String> FLAGS = List.of("subtotals", "no-total");
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes", "");
    private static final Set<String> FALSE = Set.of("false", "0", "off", "no");

    private QueryArgs() {
    }

    /**
     * {@code tally query} options for {@code params}, leaving out those not named in {@code ignored}
     * (parameters of the endpoint itself, such as a download's {@code format}). An empty value
     * means "not given", as an empty form field does.
     */
    static List<String> options(Map<String, String> params, Set<String> ignored) throws BadRequest {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            if (ignored.contains(name)) {
                continue;
            }
            if (VALUED.contains(name)) {
                if (!value.isBlank()) {
                    out.add("--" + name + "=" + value);
                }
            } else if (FLAGS.contains(name)) {
                if (TRUE.contains(value)) {
                    out.add("--" + name);
                } else if (!FALSE.contains(value)) {
                    throw new BadRequest(400, "parameter '" + name + "' is true or false, not '" + Reply.inert(value) + "'");
                }
            } else {
                throw new BadRequest(400, "unknown parameter '" + Reply.inert(name) + "'; a question takes "
                        + String.join(", ", VALUED) + ", " + String.join(", ", FLAGS));
            }
        }
        return out;
    }
}
