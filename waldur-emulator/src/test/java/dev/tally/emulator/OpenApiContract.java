package dev.tally.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates responses against the Waldur 8.0.5 OpenAPI subset with networknt's OpenAPI 3.0 dialect
 * ({@code nullable} honoured, formats asserted).
 */
final class OpenApiContract {
    // DRF's error shapes (docs/emulator.md, "Errors"); 8.0.5 does not declare error responses.
    private static final String ERROR_SCHEMA = """
            {"oneOf": [
              {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}},
               "additionalProperties": false},
              {"type": "object", "minProperties": 1, "not": {"required": ["detail"]},
               "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string"}}},
              {"type": "array", "minItems": 1, "items": {"type": "string"}}
            ]}""";

    private final JsonNode spec;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> cache = new HashMap<>();
    private final JsonSchema errorSchema;

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        // Waldur renders UUIDs as 32 hex characters without hyphens (docs/emulator.md, "Conventions"); the 8.0.5 schema says format
        // "uuid" for them, so the uuid format accepts both renderings. Every other format is asserted as usual.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance().getIri(), OpenApi30.getInstance())
                .format(PatternFormat.of("uuid", "^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
                        null))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).formatAssertionsEnabled(true)
                .build();
        try {
            this.errorSchema = schema("error", new ObjectMapper().readTree(ERROR_SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/openapi.subset.yaml")) {
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Problems with one response; empty means it conforms.
     *
     * @param template the OpenAPI path, e.g. {@code /api/marketplace-orders/{uuid}/}
     * @param body     the parsed body, or null when there was none
     */
    List<String> validate(String method, String template, int status, JsonNode body, Set<Integer> undeclaredOk) {
        String where = method + " " + template + " " + status;
        List<String> problems = new ArrayList<>();
        JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode() && status != 405) {
            problems.add(where + ": operation not in the OpenAPI subset");
            return problems;
        }
        if (status >= 400) {
            // Undeclared in 8.0.5 (or declared without a body): checked against the DRF error shapes.
            if (body == null) {
                problems.add(where + ": error without a body");
            } else {
                errorSchema.validate(body).forEach(m -> problems.add(where + ": " + m.getMessage()));
            }
            return problems;
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            if (!undeclaredOk.contains(status)) {
                problems.add(where + ": status not declared");
            }
            return problems;
        }
        JsonNode schemaNode = response.path("content").path("application/json").path("schema");
        if (schemaNode.isMissingNode()) {
            if (body != null && !method.equals("HEAD")) {
                problems.add(where + ": declared without a body but got " + body);
            }
            return problems;
        }
        if (body == null) {
            problems.add(where + ": body missing");
            return problems;
        }
        JsonSchema schema = cache.computeIfAbsent(where, k -> schema(k, schemaNode));
        for (ValidationMessage message : schema.validate(body)) {
            problems.add(where + ": " + message.getMessage());
        }
        return problems;
    }

    /** The response schema as its own document, with the spec's components alongside so {@code $ref}s resolve. */
    private JsonSchema schema(String key, JsonNode schemaNode) {
        ObjectNode document = schemaNode.deepCopy();
        document.set("components", spec.get("components"));
        URI id = URI.create("https://tally.dev/contract/" + Integer.toHexString(key.hashCode()) + ".json");
        return factory.getSchema(id, document, config);
    }

    boolean declares(String template, String method) {
        return !spec.path("paths").path(template).path(method.toLowerCase()).isMissingNode();
    }
}
