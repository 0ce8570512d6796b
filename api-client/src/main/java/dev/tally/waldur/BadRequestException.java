package dev.tally.waldur;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 400 Bad Request: validation failed. {@link #errors()} keeps DRF's shape: field name to messages, with
 * a bare list or {@code non_field_errors} under {@code non_field_errors}.
 */
public class BadRequestException extends WaldurApiException {
    private final Map<String, List<String>> errors;

    /** @param errors field name to messages, in the server's order; may be empty */
    public BadRequestException(String method, String path, String detail, Map<String, List<String>> errors) {
        super(method, path, 400, detail);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.errors = java.util.Collections.unmodifiableMap(copy);
    }

    /** Field name to messages, e.g. {@code limits → ["Invalid types: x"]}; never null. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
