package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.OrderState;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One django-filter query parameter: turns its values into a row predicate, or throws the 400
 * {@code {"param": ["msg"]}} that django-filter's form validation gives. Returns null when the filter does nothing.
 */
@FunctionalInterface
interface Filter {

    Predicate<Row> parse(String param, List<String> values);

    /** As {@link #parse(String, List)}, for filters that depend on the caller or on other objects. */
    default Predicate<Row> parse(String param, List<String> values, User user, Store store) {
        return parse(param, values);
    }

    /** How a filter that depends on the caller or on other objects reads its values. */
    @FunctionalInterface
    interface Contextual {
        Predicate<Row> parse(String param, List<String> values, User user, Store store);
    }

    /** A filter that needs the caller and the store; asking it without them is a programming error. */
    static Filter contextual(Contextual parser) {
        return new Filter() {
            @Override
            public Predicate<Row> parse(String param, List<String> values) {
                throw new UnsupportedOperationException(param + " needs the caller and the store");
            }

            @Override
            public Predicate<Row> parse(String param, List<String> values, User user, Store store) {
                return parser.parse(param, values, user, store);
            }
        };
    }

    /**
     * Order {@code can_approve_as_consumer} / {@code can_approve_as_provider} (Waldur OrderFilter): any recognised value
     * narrows to {@code state}; {@code true} also keeps, for non-staff callers, orders whose {@code customerField}
     * (project customer or offering customer) is the caller's organisation, where it holds APPROVE_ORDER. The field is
     * a plain BooleanFilter (NullBooleanSelect): values other than true/True/2/false/False/3 are ignored, not a 400.
     */
    static Filter canApprove(OrderState state, String customerField) {
        return Filter.contextual((param, values, user, store) -> {
            Boolean wanted = nullBoolean(last(values));
            if (wanted == null) {
                return null;
            }
            boolean narrow = wanted && user != null && !user.staff();
            return row -> state.wire().equals(text(row, "state"))
                    && (!narrow || user.customerUuid().equals(text(row, customerField)));
        });
    }

    /** Django's NullBooleanSelect: true/True/2 and false/False/3; anything else means "no value". */
    static Boolean nullBoolean(String value) {
        return switch (value) {
            case "true", "True", "2" -> Boolean.TRUE;
            case "false", "False", "3" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * {@code offering_slug} on rows that only carry {@code offering_uuid}: a comma-separated list (BaseCSVFilter) of
     * offering slugs, any of which matches. Unknown slugs match nothing.
     */
    static Filter offeringSlug() {
        return Filter.contextual((param, values, user, store) -> {
            List<String> slugs = new ArrayList<>();
            for (String part : last(values).split(",")) {
                if (!part.isBlank()) {
                    slugs.add(part.strip());
                }
            }
            if (slugs.isEmpty()) {
                return null;
            }
            Set<String> offerings = new java.util.HashSet<>();
            for (Row offering : store.offerings().rows()) {
                if (slugs.contains(text(offering, "slug"))) {
                    offerings.add(offering.uuid());
                }
            }
            return row -> offerings.contains(text(row, "offering_uuid"));
        });
    }

    /** Exact match on a text field; repeated values mean any of them. */
    static Filter exact(String field) {
        return (param, values) -> row -> values.contains(text(row, field));
    }

    /** {@code icontains} on the last value (CharFilter uses one value). */
    static Filter icontains(String field) {
        return (param, values) -> {
            String needle = last(values).toLowerCase(Locale.ROOT);
            if (needle.isEmpty()) {
                return null;
            }
            return row -> {
                String value = text(row, field);
                return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
            };
        };
    }

    /** A UUID filter; repeated values (where Waldur declares it multi) mean any of them. */
    static Filter uuid(String field) {
        return (param, values) -> {
            List<String> wanted = new ArrayList<>();
            for (String value : values) {
                if (value.isEmpty()) {
                    continue;
                }
                String normal = Ids.normalizeUuid(value);
                if (normal == null) {
                    throw ApiException.field(param, "Enter a valid UUID.");
                }
                wanted.add(normal);
            }
            return wanted.isEmpty() ? null : row -> wanted.contains(text(row, field));
        };
    }

    /** Projects' {@code customer}: a comma-separated UUID list (CustomerInFilter). */
    static Filter uuidList(String field) {
        return (param, values) -> {
            List<String> wanted = new ArrayList<>();
            for (String part : last(values).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String normal = Ids.normalizeUuid(part);
                if (normal == null) {
                    throw ApiException.field(param, "Enter a valid UUID.");
                }
                wanted.add(normal);
            }
            return wanted.isEmpty() ? null : row -> wanted.contains(text(row, field));
        };
    }

    /** A hyperlink filter: the value must be a URL of this API; it matches the stored link path. */
    static Filter url(String field) {
        return (param, values) -> {
            String value = last(values);
            if (value.isEmpty()) {
                return null;
            }
            String path = Links.pathOf(value);
            if (path == null || !value.matches("https?://.+")) {
                throw ApiException.field(param, "Enter a valid URL.");
            }
            String normalized = path.endsWith("/") ? path : path + "/";
            return row -> normalized.equals(text(row, field));
        };
    }

    /** A (Mapped)MultipleChoiceFilter: every value must be one of {@code choices}. */
    static Filter choice(String field, Set<String> choices) {
        return (param, values) -> {
            List<String> wanted = new ArrayList<>();
            for (String value : values) {
                if (value.isEmpty()) {
                    continue;
                }
                if (!choices.contains(value)) {
                    throw ApiException.field(param,
                            "Select a valid choice. " + value + " is not one of the available choices.");
                }
                wanted.add(value);
            }
            return wanted.isEmpty() ? null : row -> wanted.contains(text(row, field));
        };
    }

    /** django-filter's BooleanWidget: {@code true}/{@code false} (any case); anything else is ignored. */
    static Filter bool(String field) {
        return (param, values) -> {
            String value = last(values).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                return null;
            }
            boolean wanted = value.equals("true");
            return row -> {
                JsonNode node = row.get(field);
                return node != null && node.isBoolean() && node.asBoolean() == wanted;
            };
        };
    }

    /** {@code created}/{@code modified}: a datetime lower bound (≥), as Waldur's filters use it. */
    static Filter since(String field) {
        return sinceOr(field, null);
    }

    /** As {@link #since}, reading {@code fallback} (if not null) where a row has no {@code field} (never modified since created). */
    static Filter sinceOr(String field, String fallback) {
        return (param, values) -> {
            String value = last(values);
            if (value.isEmpty()) {
                return null;
            }
            String bound = dev.tally.emulator.store.Ids.timestamp(parseDateTime(param, value));
            return row -> {
                String stored = text(row, field);
                if (stored == null && fallback != null) {
                    stored = text(row, fallback);
                }
                return stored != null && stored.compareTo(bound) >= 0;
            };
        };
    }

    /** A date bound on the date part of a datetime field; {@code after} is inclusive ≥, otherwise inclusive ≤. */
    static Filter dateBound(String field, boolean after) {
        return (param, values) -> {
            String value = last(values);
            if (value.isEmpty()) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.field(param, "Enter a valid date.");
            }
            String day = date.toString();
            return row -> {
                String stored = text(row, field);
                if (stored == null) {
                    return false;
                }
                String storedDay = stored.substring(0, 10);
                return after ? storedDay.compareTo(day) >= 0 : storedDay.compareTo(day) <= 0;
            };
        };
    }

    /** An exact date (e.g. {@code billing_period=2026-10-01}). */
    static Filter date(String field) {
        return (param, values) -> {
            String value = last(values);
            if (value.isEmpty()) {
                return null;
            }
            try {
                String day = LocalDate.parse(value.strip()).toString();
                return row -> day.equals(text(row, field));
            } catch (DateTimeParseException e) {
                throw ApiException.field(param, "Enter a valid date.");
            }
        };
    }

    /** A hyperlink filter on a field that only stores the UUID, e.g. orders' {@code resource} → marketplace_resource_uuid. */
    static Filter urlToUuid(String collectionPath, String uuidField) {
        return (param, values) -> {
            String value = last(values);
            if (value.isEmpty()) {
                return null;
            }
            String path = Links.pathOf(value);
            if (path == null || !value.matches("https?://.+") || !path.startsWith(collectionPath)) {
                throw ApiException.field(param, "Enter a valid URL.");
            }
            String uuid = Ids.normalizeUuid(path.substring(collectionPath.length()).replace("/", ""));
            return row -> uuid != null && uuid.equals(text(row, uuidField));
        };
    }

    /** Any of several fields contains the text (case-insensitive), or the text is the row's UUID. */
    static Filter query(String... fields) {
        return (param, values) -> {
            String needle = last(values).strip().toLowerCase(Locale.ROOT);
            if (needle.isEmpty()) {
                return null;
            }
            String uuid = Ids.normalizeUuid(needle);
            return row -> {
                if (uuid != null && uuid.equals(row.uuid())) {
                    return true;
                }
                for (String field : fields) {
                    String value = text(row, field);
                    if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                        return true;
                    }
                }
                return false;
            };
        };
    }

    /** A filter on something the emulator has none of (e.g. service managers): validates the UUID, then matches nothing. */
    static Filter uuidMatchingNothing() {
        return (param, values) -> {
            Predicate<Row> valid = uuid("uuid").parse(param, values);
            return valid == null ? null : row -> false;
        };
    }

    /** Year or month of a date field ({@code billing_period_year}, {@code billing_period_month}). */
    static Filter prefix(String field, String pattern, int from, int to) {
        return (param, values) -> {
            String value = last(values).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (!value.matches(pattern)) {
                throw ApiException.field(param, "Enter a whole number.");
            }
            String wanted = String.format("%0" + (to - from) + "d", Integer.parseInt(value));
            return row -> {
                String stored = text(row, field);
                return stored != null && stored.length() >= to && stored.substring(from, to).equals(wanted);
            };
        };
    }

    static Instant parseDateTime(String param, String value) {
        String text = value.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw ApiException.field(param, "Enter a valid date/time.");
                }
            }
        }
    }

    static String text(Row row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }
}
