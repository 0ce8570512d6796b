package dev.tally.waldur;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code /api/marketplace-public-offerings/} that the client supports.
 * Every field is optional (null or empty = no filter). {@code states} and {@code types} repeat the
 * parameter; {@code attributes} is sent as one JSON object, where a list value means any of its items.
 */
public record OfferingFilter(
        String name,
        String nameExact,
        String customerUrl,
        String customerUuid,
        String allowedCustomerUuid,
        String serviceManagerUuid,
        Map<String, Object> attributes,
        List<String> states,
        String categoryUuid,
        Boolean billable,
        Boolean shared,
        List<String> types) {
    /** No filter at all. */
    public static final OfferingFilter NONE = builder().build();

    public OfferingFilter {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        states = states == null ? List.of() : List.copyOf(states);
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The query string parameters, in the seed's order. */
    public Query toQuery(ObjectMapper mapper) {
        Query q = Query.NONE
                .and("name", name)
                .and("name_exact", nameExact)
                .and("customer", customerUrl)
                .and("customer_uuid", customerUuid)
                .and("allowed_customer_uuid", allowedCustomerUuid)
                .and("service_manager_uuid", serviceManagerUuid);
        if (!attributes.isEmpty()) {
            try {
                q = q.and("attributes", mapper.writeValueAsString(attributes));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("attributes filter cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        q = q.andAll("state", states)
                .and("category_uuid", categoryUuid)
                .and("billable", billable == null ? null : billable.toString())
                .and("shared", shared == null ? null : shared.toString());
        return q.andAll("type", types);
    }

    /** Collects filters one by one. */
    public static final class Builder {
        private String name;
        private String nameExact;
        private String customerUrl;
        private String customerUuid;
        private String allowedCustomerUuid;
        private String serviceManagerUuid;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final List<String> states = new ArrayList<>();
        private String categoryUuid;
        private Boolean billable;
        private Boolean shared;
        private final List<String> types = new ArrayList<>();

        private Builder() {
        }

        // every setter records one value and hands the builder back for the next call
        private Builder set(Runnable record) {
            record.run();
            return this;
        }

        /** Name contains (case-insensitive). */
        public Builder name(String value) {
            return set(() -> name = value);
        }

        public Builder nameExact(String value) {
            return set(() -> nameExact = value);
        }

        /** The owning organisation's URL, e.g. {@code https://host/api/customers/<uuid>/}. */
        public Builder customer(String url) {
            return set(() -> customerUrl = url);
        }

        public Builder customerUuid(String value) {
            return set(() -> customerUuid = value);
        }

        public Builder allowedCustomerUuid(String value) {
            return set(() -> allowedCustomerUuid = value);
        }

        public Builder serviceManagerUuid(String value) {
            return set(() -> serviceManagerUuid = value);
        }

        /** One attribute to match; a {@code List} value matches any of its items. */
        public Builder attribute(String key, Object value) {
            return set(() -> attributes.put(key, value));
        }

        /** Adds a state (Active, Draft, Paused, Archived, Unavailable); several mean any of them. */
        public Builder state(String value) {
            return set(() -> states.add(value));
        }

        public Builder categoryUuid(String value) {
            return set(() -> categoryUuid = value);
        }

        public Builder billable(Boolean value) {
            return set(() -> billable = value);
        }

        public Builder shared(Boolean value) {
            return set(() -> shared = value);
        }

        /** Adds an offering type such as {@code Marketplace.Basic}; several mean any of them. */
        public Builder type(String value) {
            return set(() -> types.add(value));
        }

        public OfferingFilter build() {
            return new OfferingFilter(name, nameExact, customerUrl, customerUuid, allowedCustomerUuid, serviceManagerUuid,
                    attributes, states, categoryUuid, billable, shared, types);
        }
    }
}
