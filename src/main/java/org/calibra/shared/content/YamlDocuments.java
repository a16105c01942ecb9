package org.calibra.shared.content;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses a YAML content file, validates it against its JSON Schema and binds it to a record.
 * Problems come back as {@link ContentProblem}s naming the file and the field.
 */
public final class YamlDocuments {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a second 'truth:' must not silently win
            .build();

    private final Schema schema;

    public YamlDocuments(String schemaResource) {
        try (InputStream in = YamlDocuments.class.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + schemaResource);
            }
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed tree, or the problems found; never both. */
    public sealed interface Parsed<T> {
        record Ok<T>(T value, JsonNode tree) implements Parsed<T> {}

        record Failed<T>(List<ContentProblem> problems) implements Parsed<T> {}
    }

    public <T> Parsed<T> parse(String fileName, byte[] yaml, Class<T> type) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            return new Parsed.Failed<>(List.of(new ContentProblem(fileName, "", "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""))));
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            return new Parsed.Failed<>(List.of(new ContentProblem(fileName, "", "must be a YAML mapping (key: value pairs)")));
        }
        List<ContentProblem> problems = validate(fileName, tree);
        if (!problems.isEmpty()) {
            return new Parsed.Failed<>(problems);
        }
        try {
            return new Parsed.Ok<>(YAML.treeToValue(tree, type), tree);
        } catch (JacksonException e) {
            return new Parsed.Failed<>(List.of(new ContentProblem(fileName, "", "could not be read: " + e.getOriginalMessage())));
        }
    }

    /**
     * Like {@link #parse}, but binds the document even when the schema finds problems (a case draft may be incomplete):
     * {@code value} is null only when the text is not YAML, not a mapping, or cannot be bound to {@code type} at all.
     */
    public <T> Lenient<T> parseLenient(String fileName, byte[] yaml, Class<T> type) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            return new Lenient<>(null, null, List.of(new ContentProblem(fileName, "", "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""))));
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            return new Lenient<>(null, null, List.of(new ContentProblem(fileName, "", "must be a YAML mapping (key: value pairs)")));
        }
        List<ContentProblem> problems = new ArrayList<>(validate(fileName, tree));
        try {
            return new Lenient<>(YAML.treeToValue(tree, type), tree, problems);
        } catch (JacksonException e) {
            problems.add(new ContentProblem(fileName, "", "could not be read: " + e.getOriginalMessage()));
            return new Lenient<>(null, tree, problems);
        }
    }

    /** A document bound despite its problems (or, with {@code value} null, not bound), and every problem found. */
    public record Lenient<T>(T value, JsonNode tree, List<ContentProblem> problems) {}

    /** The schema's verdict on a parsed tree, field by field. */
    public List<ContentProblem> validate(String fileName, JsonNode tree) {
        List<ContentProblem> problems = new ArrayList<>();
        for (Error error : schema.validate(tree)) {
            problems.add(new ContentProblem(fileName, field(error), error.getMessage().replaceFirst("^\\S+: ", "")));
        }
        return problems;
    }

    /** The JSON Pointer "/truth/findings/0/label" (or "$.truth...") becomes "truth.findings[0].label". */
    static String field(Error error) {
        String path = String.valueOf(error.getInstanceLocation());
        if (error.getProperty() != null && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
            path = path + "/" + error.getProperty();
        }
        return dotted(path);
    }

    static String dotted(String pointer) {
        var out = new StringBuilder();
        for (String part : pointer.replaceFirst("^\\$", "").split("[/.]")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.matches("\\d+")) {
                out.append('[').append(part).append(']');
            } else if (part.matches("\\w+\\[\\d+]")) {
                out.append(out.isEmpty() ? "" : ".").append(part);
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }
}
