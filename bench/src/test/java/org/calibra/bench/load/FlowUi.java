package org.calibra.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Vaadin UI (a browser tab) as Flow's client keeps it: the server's state tree, built from the {@code changes} of
 * every response, and the message counters. Each {@link #send} is one UIDL request ({@code POST /?v-r=uidl}) carrying the
 * UI's {@code Vaadin-Security-Key} as its csrfToken, the last {@code syncId} the server gave and the {@code clientId}
 * it expects next, as the real client sends them.
 */
public final class FlowUi {

    /** Flow's node features (NodeFeatureRegistry): the element's tag, its properties, children, attributes, text. */
    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int TEXT = 7;

    /** One node of the state tree: its values by feature and key, and its children. */
    public static final class Node {
        final int id;
        final Map<String, JsonNode> values = new HashMap<>();
        final List<Integer> children = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        Optional<String> value(int feature, String key) {
            JsonNode v = values.get(feature + ":" + key);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(v.isValueNode() ? v.asString() : v.toString());
        }

        public Optional<String> property(String name) {
            return value(PROPERTIES, name);
        }

        public Optional<String> attribute(String name) {
            return value(ATTRIBUTES, name);
        }

        public String tag() {
            return value(ELEMENT_DATA, "tag").orElse("");
        }
    }

    private final FlowClient client;
    private final String location;
    private final int uiId;
    private final String securityKey;
    private final Map<Integer, Node> nodes = new LinkedHashMap<>();
    private int syncId;
    private int clientId;

    FlowUi(FlowClient client, String location, int uiId, JsonNode initialUidl) {
        this.client = client;
        this.location = location;
        this.uiId = uiId;
        this.securityKey = initialUidl.path("Vaadin-Security-Key").asString();
        apply(initialUidl);
    }

    /** The attached element whose {@code id} attribute is {@code id} (the newest, should an old view still hold one). */
    public Optional<Node> byId(String id) {
        Node found = null;
        for (Node n : nodes.values()) {
            if (n.attribute("id").filter(id::equals).isPresent() && (found == null || n.id > found.id)) {
                found = n;
            }
        }
        return Optional.ofNullable(found);
    }

    public Node require(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("UI of '" + location + "' has no element with id '" + id + "'; ids: "
                + nodes.values().stream().flatMap(n -> n.attribute("id").stream()).toList()));
    }

    /** The element's descendants (depth first), e.g. the radio buttons of a group. */
    public List<Node> descendants(Node parent) {
        var out = new ArrayList<Node>();
        for (int child : parent.children) {
            Node c = nodes.get(child);
            if (c != null) {
                out.add(c);
                out.addAll(descendants(c));
            }
        }
        return out;
    }

    /** The text of the element's text-node descendants, joined. */
    public String text(Node parent) {
        var sb = new StringBuilder();
        for (Node d : descendants(parent)) {
            d.value(TEXT, "text").ifPresent(sb::append);
        }
        return sb.toString();
    }

    /**
     * Client-side navigation to {@code route} as Flow's client starts it (also right after the bootstrap): the UI node's
     * {@code ui-navigate} event; the server answers with the new view.
     */
    public JsonNode navigate(String route) throws IOException, InterruptedException {
        return send(List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data",
                Map.of("route", route, "query", "", "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", ""))));
    }

    /** A click, as the browser sends it for an element with a click listener. */
    public JsonNode click(Node node) throws IOException, InterruptedException {
        return send(List.of(Map.of("type", "event", "node", node.id, "event", "click", "data", Map.of())));
    }

    /** A property the browser synchronises (e.g. a field's {@code value}): the server sees it as the user's change. */
    public JsonNode sync(Node node, String property, Object value) throws IOException, InterruptedException {
        return send(List.of(Map.of("type", "mSync", "node", node.id, "feature", PROPERTIES, "property", property, "value", value)));
    }

    /** A DOM event with the event data the server-side listener asked for (keys such as {@code "event.detail.x"}). */
    public JsonNode event(Node node, String event, Map<String, Object> data) throws IOException, InterruptedException {
        return send(List.of(Map.of("type", "event", "node", node.id, "event", event, "data", data)));
    }

    /** One UIDL request; applies the response's changes and returns the response. Throws on an error the server reports. */
    public synchronized JsonNode send(List<Map<String, Object>> rpc) throws IOException, InterruptedException {
        var message = new LinkedHashMap<String, Object>();
        message.put("csrfToken", securityKey);
        message.put("rpc", rpc);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        String body = client.postUidl(uiId, FlowClient.JSON.writeValueAsString(message));
        // the UIDL response is guarded against JSON hijacking: for(;;);[{...}]
        String json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        JsonNode response = FlowClient.JSON.readTree(json);
        if (response.isArray()) {
            response = response.path(0);
        }
        JsonNode meta = response.path("meta");
        if (meta.has("appError") || meta.path("sessionExpired").asBoolean(false)) {
            throw new IllegalStateException("UI of '" + location + "': the server answered " + meta + " to " + rpc);
        }
        apply(response);
        return response;
    }

    private void apply(JsonNode uidl) {
        if (uidl.has("syncId")) {
            syncId = uidl.path("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.path("clientId").asInt();
        }
        for (JsonNode change : uidl.path("changes")) {
            int id = change.path("node").asInt();
            String type = change.path("type").asString();
            if (type.equals("detach")) {
                nodes.remove(id);
                continue;
            }
            Node node = nodes.computeIfAbsent(id, Node::new);
            int feature = change.path("feat").asInt(-1);
            switch (type) {
                case "put" -> node.values.put(feature + ":" + change.path("key").asString(),
                        change.has("nodeValue") ? change.path("nodeValue") : change.path("value"));
                case "remove" -> node.values.remove(feature + ":" + change.path("key").asString());
                case "clear" -> {
                    if (feature == CHILDREN) {
                        node.children.clear();
                    }
                }
                case "splice" -> {
                    if (feature == CHILDREN) {
                        int index = Math.min(change.path("index").asInt(), node.children.size());
                        int remove = Math.min(change.path("remove").asInt(0), node.children.size() - index);
                        node.children.subList(index, index + remove).clear();
                        var added = new ArrayList<Integer>();
                        change.path("addNodes").forEach(n -> added.add(n.asInt()));
                        node.children.addAll(index, added);
                    }
                }
                default -> { } // attach, and features the bench does not read
            }
        }
    }

    /** For diagnosing a journey that failed: every attached element with its tag, id and text. */
    public String dump() {
        var sb = new StringBuilder();
        for (Node n : nodes.values()) {
            sb.append(n.id).append(' ').append(n.tag()).append(' ').append(n.values.keySet()).append(' ')
                    .append(n.attribute("id").orElse("")).append(' ').append(n.value(TEXT, "text").orElse("")).append('\n');
        }
        return sb.toString();
    }
}
