package org.neurite.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurite.core.internal.Names;
import org.neurite.core.plugin.PluginUse;

/**
 * The {@code metadata.json} entry of a model file.
 *
 * @param formatVersion       the file format version, {@link #FORMAT_VERSION} when written
 * @param neuriteVersion      the Neurite version that wrote the file
 * @param created             when the file was written, ISO-8601 UTC
 * @param seed                the model's seed
 * @param optimizerIterations the optimizer's step count
 * @param learningRate        the optimizer's constant learning rate when training set it to
 *                            something other than the configured one (by {@code
 *                            reduce_lr_on_plateau}), else {@code null}; written as
 *                            {@code learning_rate} only then, so older files have none
 * @param parameters          the parameter entry names, in network order
 * @param optimizerState      the optimizer state entry names, in the updater's order
 * @param plugins             the plugins the model uses, with where each came from
 * @param history             every epoch's logs
 * @param sha256              the SHA-256 of every content entry but this one, by entry name
 */
record Metadata(int formatVersion, String neuriteVersion, String created, long seed,
                long optimizerIterations, Double learningRate, List<String> parameters, List<String> optimizerState,
                List<PluginUse> plugins, Map<String, List<Double>> history, Map<String, String> sha256) {
    /** The newest format this Neurite writes and reads. */
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON bytes, UTF-8, indented. */
    byte[] toJson() {
        ObjectNode root = NODES.objectNode();
        root.put("format_version", formatVersion);
        root.put("neurite_version", neuriteVersion);
        root.put("created", created);
        root.put("seed", seed);
        root.put("optimizer_iterations", optimizerIterations);
        if (learningRate != null) {
            root.put("learning_rate", learningRate);
        }
        parameters.forEach(root.putArray("parameters")::add);
        optimizerState.forEach(root.putArray("optimizer_state")::add);
        ArrayNode plugs = root.putArray("plugins");
        for (PluginUse p : plugins) {
            plugs.addObject().put("kind", p.kind()).put("name", p.name())
                    .put("class", p.implementation()).put("source", sourceName(p.source()));
        }
        ObjectNode hist = root.putObject("history");
        history.forEach((key, values) -> {
            ArrayNode list = hist.putArray(key);
            for (double v : values) {
                // JSON has no NaN or infinities; History pads missing epochs with NaN.
                if (Double.isFinite(v)) {
                    list.add(v);
                } else {
                    list.add(Double.toString(v));
                }
            }
        });
        ObjectNode sums = root.putObject("sha256");
        sha256.forEach(sums::put);
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize model metadata", e);
        }
    }

    /**
     * Parses {@code metadata.json}, checking its format version before anything else.
     *
     * @throws ModelFormatException if it is not valid JSON, comes from a newer format, or a key
     *                              is missing or has the wrong type
     */
    static Metadata parse(Path file, byte[] json, String neuriteVersion) {
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw error(file, "it is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw error(file, "expected a JSON object");
        }
        long format = integer(file, root, "format_version");
        if (format > FORMAT_VERSION) {
            String writer = root.path("neurite_version").isTextual()
                    ? ", the file by " + root.get("neurite_version").asText() : "";
            throw error(file, "the file was written by format " + format + "; this Neurite reads up to "
                    + "format " + FORMAT_VERSION + "; upgrade Neurite to load it (this is " + neuriteVersion
                    + writer + ").");
        }
        if (format < 1) {
            throw error(file, "format_version " + format + " is not a format Neurite ever wrote (they start at 1)");
        }
        List<PluginUse> plugins = new ArrayList<>();
        for (JsonNode p : array(file, root, "plugins")) {
            plugins.add(new PluginUse(text(file, p, "kind"), text(file, p, "name"), text(file, p, "class"),
                    text(file, p, "source")));
        }
        Map<String, List<Double>> history = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(file, root, "history").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Double> values = new ArrayList<>();
            for (JsonNode v : list(file, e.getValue(), "history." + e.getKey())) {
                values.add(number(file, v, "history." + e.getKey()));
            }
            history.put(e.getKey(), values);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(file, root, "sha256").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw error(file, "sha256." + e.getKey() + " must be a hex string");
            }
            sums.put(e.getKey(), e.getValue().asText());
        }
        long iterations = integer(file, root, "optimizer_iterations");
        if (iterations < 0) {
            throw error(file, "'optimizer_iterations' is " + iterations + "; an optimizer's step count is 0 "
                    + "or more");
        }
        Double learningRate = null;
        if (root.has("learning_rate")) {
            JsonNode lr = root.get("learning_rate");
            if (!lr.isNumber() || !(lr.asDouble() >= 0) || Double.isInfinite(lr.asDouble())) {
                throw error(file, "'learning_rate' must be a finite number ≥ 0, found " + Names.shorten(lr.toString()));
            }
            learningRate = lr.asDouble();
        }
        return new Metadata((int) format, text(file, root, "neurite_version"), text(file, root, "created"),
                integer(file, root, "seed"), iterations, learningRate,
                strings(file, root, "parameters"), strings(file, root, "optimizer_state"),
                plugins, history, sums);
    }

    /**
     * Where a plugin came from as a model file records it: the file name of its jar or
     * directory ({@code neurite-activations-1.2.0.jar}), never the saving machine's path, which
     * would leak its layout and mean nothing elsewhere. Sources that are not paths (such as
     * {@code bound in a Guice module}) are kept as they are.
     */
    static String sourceName(String source) {
        String s = source;
        while (s.length() > 1 && (s.endsWith("/") || s.endsWith("\\"))) {
            s = s.substring(0, s.length() - 1);
        }
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return cut < 0 ? s : s.substring(cut + 1);
    }

    private static ModelFormatException error(Path file, String detail) {
        return new ModelFormatException(file, ModelArchive.METADATA, detail);
    }

    private static JsonNode field(Path file, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw error(file, "the key '" + key + "' is missing");
        }
        return v;
    }

    private static long integer(Path file, JsonNode node, String key) {
        JsonNode v = field(file, node, key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(file, "'" + key + "' must be an integer, found " + Names.shorten(v.toString()));
        }
        return v.asLong();
    }

    private static String text(Path file, JsonNode node, String key) {
        JsonNode v = field(file, node, key);
        if (!v.isTextual()) {
            throw error(file, "'" + key + "' must be a string, found " + Names.shorten(v.toString()));
        }
        return v.asText();
    }

    private static JsonNode object(Path file, JsonNode node, String key) {
        JsonNode v = field(file, node, key);
        if (!v.isObject()) {
            throw error(file, "'" + key + "' must be an object, found " + v.getNodeType());
        }
        return v;
    }

    private static JsonNode array(Path file, JsonNode node, String key) {
        return list(file, field(file, node, key), key);
    }

    private static JsonNode list(Path file, JsonNode v, String path) {
        if (!v.isArray()) {
            throw error(file, "'" + path + "' must be a list, found " + v.getNodeType());
        }
        return v;
    }

    private static List<String> strings(Path file, JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(file, node, key)) {
            if (!v.isTextual()) {
                throw error(file, "'" + key + "' must list strings, found " + v);
            }
            out.add(v.asText());
        }
        return out;
    }

    private static double number(Path file, JsonNode v, String path) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText())) {
            return Double.parseDouble(v.asText());
        }
        throw error(file, "'" + path + "' must list numbers, found " + v);
    }
}
