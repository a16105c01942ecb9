package org.calibra.shared;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists of strings kept as JSON text in a column (tags, labels, teaching points). */
public final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private JsonText() {
    }

    public static String ofList(List<String> values) {
        return JSON.writeValueAsString(values == null ? List.of() : values);
    }

    public static List<String> toList(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, STRINGS));
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        return JSON.readValue(json, type);
    }
}
