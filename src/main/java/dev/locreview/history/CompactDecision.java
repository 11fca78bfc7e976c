package dev.locreview.history;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.locreview.engine.Decision;
import dev.locreview.policy.Evidence;

/**
 * The decision as a record stores it: without what it repeats. A decision echoes the request's appId,
 * appName and reason, quotes the reason in every scenario's evidence, and labels every scenario of a code
 * alike; a dense reason has one scenario per two characters, so those copies were most of a record.
 * A value is left out only when it equals what it is rebuilt from, and put back where the decision had
 * it, so the expanded decision is the same JSON, in the same order, as the one returned.
 */
final class CompactDecision {

    private static final String[] ECHOED = {"appId", "appName", "reason"};
    private static final String[] PER_CODE = {"label", "source"};

    private CompactDecision() {
    }

    static ObjectNode compact(ObjectNode decision, JsonNode request) {
        ObjectNode stored = decision.deepCopy();
        if (stored.get("application") instanceof ObjectNode application) {
            for (String field : ECHOED) {
                if (application.has(field) && application.get(field).equals(request.get(field))) {
                    application.remove(field);
                }
            }
        }
        String reason = request.path("reason").textValue();
        Map<String, JsonNode> firstOfCode = new HashMap<>();
        for (JsonNode node : stored.path("scenarios")) {
            ObjectNode scenario = (ObjectNode) node;
            JsonNode first = firstOfCode.putIfAbsent(scenario.path("code").asText(), scenario.deepCopy());
            if (first != null) {
                for (String field : PER_CODE) {
                    if (scenario.has(field) && scenario.get(field).equals(first.get(field))) {
                        scenario.remove(field);
                    }
                }
            }
            if (scenario.get("evidence") instanceof ObjectNode evidence && evidence.get("text") != null
                    && evidence.get("text").equals(quote(reason, evidence))) {
                evidence.remove("text");
            }
        }
        return stored;
    }

    /** The decision as returned, from what {@link #compact} kept of it and the stored request. */
    static ObjectNode expand(ObjectNode stored, JsonNode request) {
        String reason = request.path("reason").textValue();
        Map<String, ObjectNode> firstOfCode = new HashMap<>();
        ArrayNode scenarios = stored.arrayNode();
        for (JsonNode node : stored.path("scenarios")) {
            ObjectNode scenario = (ObjectNode) node;
            if (scenario.get("evidence") instanceof ObjectNode evidence) {
                Map<String, JsonNode> text = new HashMap<>();
                text.put("text", quote(reason, evidence));
                scenario.set("evidence", inOrder(evidence, Evidence.class, text));
            }
            Map<String, JsonNode> perCode = new HashMap<>();
            ObjectNode first = firstOfCode.get(scenario.path("code").asText());
            for (String field : PER_CODE) {
                perCode.put(field, first == null ? null : first.get(field));
            }
            ObjectNode expanded = inOrder(scenario, Decision.ScenarioView.class, perCode);
            firstOfCode.putIfAbsent(expanded.path("code").asText(), expanded);
            scenarios.add(expanded);
        }
        if (stored.has("scenarios")) {
            stored.set("scenarios", scenarios);
        }
        if (stored.get("application") instanceof ObjectNode application) {
            Map<String, JsonNode> echoed = new HashMap<>();
            for (String field : ECHOED) {
                echoed.put(field, request.get(field));
            }
            stored.set("application", inOrder(application, Decision.Echo.class, echoed));
        }
        return stored;
    }

    /** The evidence's words, cut from the reason by their offsets; null when the reason cannot have them. */
    private static JsonNode quote(String reason, JsonNode evidence) {
        int start = evidence.path("start").asInt(-1);
        int end = evidence.path("end").asInt(-1);
        if (reason == null || start < 0 || end < start || end > reason.length()) {
            return null;
        }
        return TextNode.valueOf(reason.substring(start, end));
    }

    /**
     * The node's fields in the order Jackson writes the record (its components), each one stored or else
     * restored; fields the record no longer has come last. (ObjectNode.set keeps a replaced field in place.)
     */
    private static ObjectNode inOrder(ObjectNode node, Class<? extends Record> shape, Map<String, JsonNode> restored) {
        ObjectNode out = node.objectNode();
        for (RecordComponent component : shape.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = node.has(name) ? node.get(name) : restored.get(name);
            if (value != null) {
                out.set(name, value);
            }
        }
        node.fields().forEachRemaining(field -> {
            if (!out.has(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        });
        return out;
    }
}
