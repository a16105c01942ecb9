package org.calibra.casebank.content;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.util.List;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.content.YamlDocuments;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The one case format, in and out of memory: {@code case.yaml} written from a {@link CaseManifest} — every record
 * component, whatever fields the record gains later, absent values left out — and read back, leniently for drafts.
 * What this writes, {@link CaseBundleReader} reads into an equal manifest (the export/import round trip).
 */
public final class CaseManifests {

    private static final YamlDocuments DOCUMENTS = new YamlDocuments("/schemas/case.schema.json");

    /** Record components only (their fields), never helper methods such as {@code allFrames()}; nulls left out. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, Visibility.ANY).withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private CaseManifests() {
    }

    /** {@code case.yaml} as UTF-8 bytes. */
    public static byte[] write(CaseManifest manifest) {
        return YAML.writeValueAsBytes(manifest);
    }

    /** The manifest as a tree of its fields (for field-by-field comparison and editing). */
    public static ObjectNode tree(CaseManifest manifest) {
        return YAML.valueToTree(manifest);
    }

    /** Any part of a manifest (a finding, a list of them, a text) as a tree, written the same way as the whole. */
    public static JsonNode treeOf(Object part) {
        return YAML.valueToTree(part);
    }

    /** The manifest a tree describes; throws IllegalArgumentException when the tree cannot be one. */
    public static CaseManifest fromTree(JsonNode tree) {
        try {
            return YAML.treeToValue(tree, CaseManifest.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a case manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** What a draft holds: the manifest even when the schema finds problems, and every problem; {@code manifest} null if unreadable. */
    public record Read(CaseManifest manifest, List<ContentProblem> problems) {
        public boolean readable() {
            return manifest != null;
        }
    }

    /** Reads {@code case.yaml} bytes; {@code file} names it in problems. Only the schema's and the parser's problems. */
    public static Read read(String file, byte[] yaml) {
        var lenient = DOCUMENTS.parseLenient(file, yaml, CaseManifest.class);
        return new Read(lenient.value(), lenient.problems());
    }
}
