package org.neurite.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neurite.core.internal.Names;

/** A JSON/YAML node with its path in the document, for reading with precise errors. */
final class ConfigNode {
    private final String source;
    private final String path;
    private final JsonNode node;

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return node;
    }

    ConfigException error(String detail) {
        return new ConfigException(source, path, detail);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails unless this is an object whose keys are all in {@code accepted}. */
    ConfigNode requireObject(String what, Set<String> accepted) {
        if (!node.isObject()) {
            throw error("expected " + what + " (an object with keys " + String.join(", ", new TreeSet<>(accepted))
                    + ") but found " + describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!accepted.contains(key)) {
                throw new ConfigException(source, child(Names.shorten(key)), "unknown key '" + Names.shorten(key) + "'. "
                        + Names.didYouMean(key, accepted) + "Accepted keys here: "
                        + String.join(", ", new TreeSet<>(accepted)) + ".");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    ConfigNode get(String key) {
        return new ConfigNode(source, child(key), node.get(key));
    }

    ConfigNode require(String key, String what) {
        if (!has(key)) {
            throw new ConfigException(source, child(key), "missing; required: " + what);
        }
        return get(key);
    }

    List<ConfigNode> requireList(String what) {
        if (!node.isArray()) {
            throw error("expected " + what + " (a list) but found " + describe(node));
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    String requireString(String what) {
        if (!node.isTextual()) {
            throw error("expected " + what + " (a string) but found " + describe(node));
        }
        return node.asText();
    }

    int requireInt(String what, int min) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected " + what + " (a whole number) but found " + describe(node));
        }
        int v = node.asInt();
        if (v < min) {
            throw error(what + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    long requireLong(String what) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("expected " + what + " (a whole number) but found " + describe(node));
        }
        return node.asLong();
    }

    double requireDouble(String what) {
        if (!node.isNumber()) {
            throw error("expected " + what + " (a number) but found " + describe(node));
        }
        return node.asDouble();
    }

    boolean requireBoolean(String what) {
        if (!node.isBoolean()) {
            throw error("expected " + what + " (true or false) but found " + describe(node));
        }
        return node.asBoolean();
    }

    /** The scalar fields of an object other than {@code skip}, as Java values. */
    Map<String, Object> scalars(String skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals(skip)) {
                out.put(key, get(key).scalar());
            }
        }
        return out;
    }

    /**
     * This hyperparameter value as a Java value: Boolean, Long, Double or String, or a list of
     * them (for list-typed hyperparameters such as a schedule's {@code boundaries}).
     */
    Object scalar() {
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (ConfigNode item : requireList("a list")) {
                if (item.node.isArray() || item.node.isObject()) {
                    throw item.error("expected a number, a boolean or a string in this list but found "
                            + describe(item.node));
                }
                items.add(item.scalar());
            }
            return items;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        throw error("expected a number, a boolean, a string or a list of them but found " + describe(node));
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "'" + Names.shorten(n.asText()) + "'";
        }
        return Names.shorten(n.toString());
    }
}
