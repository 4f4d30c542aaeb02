package org.neurite.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.internal.Names;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.spi.LayerType;

/**
 * Reads a model configuration from JSON or YAML, strictly: unknown keys, wrong types, unknown
 * plugin names, bad hyperparameters and mismatched explicit weights are {@link ConfigException}s
 * that give the file, the path and what is accepted.
 *
 * <pre>{@code
 * ModelConfig config = new ConfigReader(Plugins.discover()).read(Path.of("xor.yaml"));
 * }</pre>
 */
public final class ConfigReader {
    private static final Set<String> ROOT_KEYS =
            Set.of("input_shape", "layers", "loss", "optimizer", "metrics", "weighted_metrics", "training", "data");

    /** The largest configuration read, in bytes: room for explicit weights of a few million values. */
    public static final int MAX_BYTES = 16 << 20;

    private final Plugins plugins;

    /** A reader that resolves plugin names against {@code plugins}. */
    public ConfigReader(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /**
     * Reads {@code file}; {@code .json} files as JSON, anything else as YAML. Relative paths in
     * its {@code data} section are resolved against the file's directory.
     */
    public ModelConfig read(Path file) {
        return parse(tree(text(file), file.toString()), file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * The text of the configuration file {@code file}: at most {@link #MAX_BYTES} bytes of
     * UTF-8 (a leading byte order mark is dropped).
     *
     * @throws ConfigException      if it is missing, a directory, too large, or not UTF-8 (giving
     *                              the offset and line of the first bad byte)
     * @throws UncheckedIOException if it cannot be read
     */
    static String text(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, "", "this is a directory; expected a configuration file "
                    + "(.yaml, .yml or .json)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "the file does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, "", "the file cannot be read: permission denied");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration file " + file + ": " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(source, "", "the file is larger than " + MAX_BYTES + " bytes ("
                    + (MAX_BYTES >> 20) + " MiB), the most a configuration may be; give large weights in a "
                    + "model file (Model.save) instead of in the configuration");
        }
        return decode(bytes, source);
    }

    /** {@code bytes} as UTF-8, refusing malformed input with the offset and line of the first bad byte. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(source, "", String.format(java.util.Locale.ROOT, "line %d, byte offset %d: "
                    + "the file is not valid UTF-8 (byte 0x%02X %s); save it as UTF-8 text", line, at,
                    bytes[at] & 0xFF, result.length() == 1 && (bytes[at] & 0xC0) == 0x80
                            ? "does not start a character" : "starts a malformed character"));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Parses {@code text}; JSON when {@code source} ends in {@code .json}, YAML otherwise (YAML
     * also accepts JSON). Relative paths in its {@code data} section stay relative to the working
     * directory.
     *
     * @param source the file name, used in messages
     */
    public ModelConfig parse(String text, String source) {
        return parse(tree(text, source), source, null);
    }

    /**
     * Parses {@code text} as {@link #parse(String, String)} does, resolving relative paths in its
     * {@code data} section against {@code baseDirectory} (if not {@code null}).
     */
    public ModelConfig parse(String text, String source, Path baseDirectory) {
        return parse(tree(text, source), source, baseDirectory);
    }

    /** Parses an already-read JSON tree. */
    public ModelConfig parse(JsonNode tree, String source) {
        return parse(tree, source, null);
    }

    /**
     * Parses an already-read JSON tree, resolving relative paths in its {@code data} section
     * against {@code baseDirectory} (if not {@code null}).
     */
    public ModelConfig parse(JsonNode tree, String source, Path baseDirectory) {
        ConfigNode root = new ConfigNode(source, "", tree).requireObject("a model configuration", ROOT_KEYS);
        int inputSize = inputSize(root.require("input_shape", "the input shape, such as [2]"));
        List<ConfigNode> layerNodes = root.require("layers", "the list of layers")
                .requireList("the list of layers");
        if (layerNodes.isEmpty()) {
            throw root.get("layers").error("a network needs at least one layer");
        }
        List<LayerSpec> layers = new ArrayList<>();
        Map<String, Integer> counters = new java.util.HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        int[] width = {inputSize};
        for (ConfigNode layerNode : layerNodes) {
            LayerSpec layer = layer(layerNode, width, counters);
            if (!names.add(layer.name())) {
                throw layerNode.get("name").error("a layer named '" + layer.name()
                        + "' already exists; layer names must be unique");
            }
            layers.add(layer);
        }
        ComponentSpec loss = component(root.require("loss", "a loss, such as categorical_crossentropy"),
                plugins.losses());
        ComponentSpec optimizer = optimizer(root.require("optimizer", "an optimizer, such as sgd"));
        List<ComponentSpec> metrics = metrics(root, "metrics");
        List<ComponentSpec> weightedMetrics = metrics(root, "weighted_metrics");
        TrainingSpec training = root.has("training") ? TrainingSpec.read(root.get("training"))
                : TrainingSpec.defaults();
        if (root.has("training") && root.get("training").has("callbacks")) {
            List<ComponentSpec> callbacks = new ArrayList<>();
            for (ConfigNode c : root.get("training").get("callbacks").requireList("callbacks")) {
                callbacks.add(component(c, plugins.callbacks()));
            }
            training = training.withCallbacks(callbacks);
        }
        if (root.has("training") && root.get("training").has("class_weight")) {
            int outputs = width[0];
            int classes = plugins.losses().configure(loss.name(), loss.hyperparameters()).classes(outputs);
            training = training.withClassWeight(classWeight(root.get("training").get("class_weight"), classes));
        }
        DataSpec data = root.has("data")
                ? DataSpec.read(root.get("data"), baseDirectory, plugins.dataFormats()) : null;
        if (data != null && data.validationSplit() > 0 && training.validationSplit() > 0) {
            throw root.get("data").get("validation_split").error("training.validation_split is given too; use "
                    + "one (both hold out the last fraction of the training rows, but data.validation_split does "
                    + "so before standardize is fitted)");
        }
        return new ModelConfig(inputSize, layers, loss, optimizer, metrics, training, data, weightedMetrics);
    }

    /** The list {@code key} of metric components (empty if absent), each listed once. */
    private List<ComponentSpec> metrics(ConfigNode root, String key) {
        List<ComponentSpec> metrics = new ArrayList<>();
        if (root.has(key)) {
            Set<String> metricNames = new java.util.HashSet<>();
            for (ConfigNode m : root.get(key).requireList(key)) {
                ComponentSpec metric = component(m, plugins.metrics());
                if (!metricNames.add(metric.name())) {
                    throw m.error("the metric '" + metric.name() + "' is listed twice");
                }
                metrics.add(metric);
            }
        }
        return metrics;
    }

    /**
     * {@code class_weight}: an object from class index (0 to {@code classes} − 1) to a weight
     * ≥ 0, such as {@code {0: 1.0, 1: 5.0}}.
     */
    private static Map<Integer, Double> classWeight(ConfigNode node, int classes) {
        String accepted = "class_weight maps class indices 0 to " + (classes - 1) + " (this network tells "
                + classes + " classes apart) to weights ≥ 0, such as {0: 1.0, 1: 5.0}";
        if (!node.json().isObject()) {
            throw node.error("expected " + accepted + ", but found " + ConfigNode.describe(node.json()));
        }
        Map<Integer, Double> weights = new java.util.TreeMap<>();
        for (var it = node.json().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            ConfigNode entry = node.get(key);
            int index;
            try {
                index = Integer.parseInt(key.strip());
            } catch (NumberFormatException e) {
                throw entry.error("'" + org.neurite.core.internal.Names.shorten(key) + "' is not a class index; "
                        + accepted);
            }
            if (index < 0 || index >= classes) {
                throw entry.error("class index " + index + " is out of range; " + accepted);
            }
            double w = entry.requireDouble("a class weight");
            if (!(w >= 0 && w <= Float.MAX_VALUE)) {
                throw entry.error("the weight of class " + index + " is " + w + "; " + accepted);
            }
            if (weights.put(index, w) != null) {
                throw entry.error("class " + index + " is given twice; " + accepted);
            }
        }
        return weights;
    }

    /**
     * The JSON tree of {@code text}: JSON when {@code source} ends in {@code .json}, else one
     * YAML document read with YAML 1.2's core schema ({@link YamlTree}).
     */
    static JsonNode tree(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException(source, "", "the configuration has " + text.length() + " characters, more "
                    + "than the " + MAX_BYTES + " a configuration may have");
        }
        boolean json = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        JsonNode tree;
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                tree = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
                throw new ConfigException(source, "", where + "invalid JSON: " + Names.shorten(e.getOriginalMessage()));
            }
        } else {
            tree = YamlTree.read(text, source);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(source, "", "the file is empty; expected a model configuration");
        }
        return tree;
    }

    private static int inputSize(ConfigNode node) {
        List<ConfigNode> dims = node.requireList("the input shape, such as [2]");
        if (dims.size() != 1) {
            throw node.error("expected one dimension, such as [2] (dense networks take flat "
                    + "vectors), but found " + dims.size());
        }
        return dims.get(0).requireInt("the input width", 1);
    }

    /**
     * One layer entry, checked against its type's declarations; {@code width[0]} is its input
     * width on entry and its output width on return.
     */
    private LayerSpec layer(ConfigNode node, int[] width, Map<String, Integer> counters) {
        if (!node.json().isObject()) {
            throw node.error("expected a layer (an object with a type) but found "
                    + ConfigNode.describe(node.json()));
        }
        PluginCatalog<LayerType> types = plugins.layers();
        ConfigNode typeNode = node.require("type", "the layer type, one of "
                + String.join(", ", types.names()));
        String type = typeNode.requireString("the layer type");
        if (!types.contains(type)) {
            throw typeNode.error(types.unknownName(type));
        }
        LayerType layerType = types.get(type);
        Set<String> accepted = new java.util.LinkedHashSet<>(List.of("type", "name"));
        layerType.hyperparameters().forEach(h -> accepted.add(h.name()));
        layerType.components().forEach(c -> accepted.add(c.key()));
        layerType.arrays().forEach(a -> accepted.add(a.key()));
        node.requireObject("a " + type + " layer", accepted);
        String defaultName = type + "_" + counters.merge(type, 1, Integer::sum);
        String name = node.has("name") ? layerName(node.get("name")) : defaultName;
        String label = "layer '" + name + "' (" + type + ")";

        Map<String, Object> given = new java.util.LinkedHashMap<>();
        for (var h : layerType.hyperparameters()) {
            if (node.has(h.name())) {
                given.put(h.name(), node.get(h.name()).scalar());
            }
        }
        Hyperparameters values;
        try {
            values = Hyperparameters.resolve(label, layerType.hyperparameters(), given);
        } catch (HyperparameterException e) {
            throw node.get(e.key()).error(e.getMessage());
        }
        Map<String, ComponentSpec> components = new java.util.LinkedHashMap<>();
        for (LayerType.ComponentSlot slot : layerType.components()) {
            PluginCatalog<?> catalog = plugins.catalog(LayerSpec.kindOf(slot.type()));
            if (node.has(slot.key())) {
                components.put(slot.key(), component(node.get(slot.key()), catalog));
            } else if (slot.defaultName() != null) {
                components.put(slot.key(), component(slot.defaultName(), catalog, node));
            } else if (slot.required()) {
                throw node.get(slot.key()).error("missing; required: the " + catalog.kind().label()
                        + (catalog.names().isEmpty() ? "" : ", one of " + String.join(", ", catalog.names())));
            }
        }
        Map<String, Matrix> arrays = new java.util.LinkedHashMap<>();
        for (LayerType.ArraySlot slot : layerType.arrays()) {
            if (node.has(slot.key())) {
                arrays.put(slot.key(), matrix(node.get(slot.key()), slot.description()));
            }
        }
        LayerSpec spec = new LayerSpec(type, name, values, components, arrays);
        try {
            width[0] = spec.create(plugins).outputWidth(width[0]);
        } catch (HyperparameterException e) {
            throw (node.has(e.key()) ? node.get(e.key()) : node).error(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        return spec;
    }

    /** The longest layer name accepted. */
    public static final int MAX_LAYER_NAME = 128;

    /**
     * A layer name, checked now rather than when a trained model is saved: 1 to
     * {@link #MAX_LAYER_NAME} characters, not {@code .} or {@code ..}, without {@code /},
     * backslashes or control characters (it becomes a directory in the model file, as in
     * {@code parameters/<name>/kernel.npy}).
     */
    private static String layerName(ConfigNode node) {
        String name = node.requireString("a layer name");
        String accepted = "a layer name is 1 to " + MAX_LAYER_NAME + " characters without '/', '\\' or control "
                + "characters, and not '.' or '..' (it names a directory in model files), such as 'hidden_1'";
        if (name.isEmpty() || name.length() > MAX_LAYER_NAME || name.equals(".") || name.equals("..")) {
            throw node.error("the layer name " + ConfigNode.describe(node.json()) + " is not accepted: " + accepted);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw node.error("the layer name " + ConfigNode.describe(node.json()) + " contains "
                        + (Character.isISOControl(c) ? String.format(java.util.Locale.ROOT, "the control character "
                        + "U+%04X", (int) c) : "'" + c + "'") + " at position " + (i + 1) + ": " + accepted);
            }
        }
        return name;
    }

    /**
     * The optimizer: a component whose {@code learning_rate} may itself be a component, a
     * learning-rate schedule ({@code learning_rate: {name: exponential_decay, ...}}).
     */
    private ComponentSpec optimizer(ConfigNode node) {
        String key = OptimizerSettings.LEARNING_RATE;
        PluginCatalog<?> schedules = plugins.catalog(PluginKind.SCHEDULE);
        if (!node.json().isObject() || !node.json().has(key) || !(node.get(key).json().isObject()
                || node.get(key).json().isTextual() && schedules.contains(node.get(key).json().asText()))) {
            return component(node, plugins.optimizers()); // a number, or "is not a number"
        }
        ComponentSpec schedule = component(node.get(key), schedules);
        ComponentSpec optimizer = component(node, plugins.optimizers(), key);
        return new ComponentSpec(optimizer.name(), optimizer.hyperparameters(), Map.of(key, schedule));
    }

    /** A plugin reference: a plain name, or an object with {@code name} and hyperparameters. */
    private static ComponentSpec component(ConfigNode node, PluginCatalog<?> catalog) {
        return component(node, catalog, null);
    }

    /** As {@link #component(ConfigNode, PluginCatalog)}, leaving out the key {@code nested} (read apart). */
    private static ComponentSpec component(ConfigNode node, PluginCatalog<?> catalog, String nested) {
        String kind = catalog.kind().label();
        if (node.json().isTextual()) {
            return component(node.json().asText(), catalog, node);
        }
        if (!node.json().isObject()) {
            throw node.error("expected the " + kind + " as a name, or as an object {name: ..., "
                    + "<hyperparameters>}, but found " + ConfigNode.describe(node.json()));
        }
        String name = node.require("name", "the " + kind + "'s name").requireString("a name");
        if (!catalog.contains(name)) {
            throw node.get("name").error(catalog.unknownName(name));
        }
        Map<String, Object> given = nested == null ? node.scalars("name") : new java.util.LinkedHashMap<>();
        if (nested != null) {
            node.json().fieldNames().forEachRemaining(key -> {
                if (!key.equals("name") && !key.equals(nested)) {
                    given.put(key, node.get(key).scalar());
                }
            });
        }
        try {
            Hyperparameters values = catalog.resolve(name, given);
            // Configuring runs the plugin's cross-field checks (minval < maxval) now, not at assembly.
            catalog.configure(name, values);
            return new ComponentSpec(name, values);
        } catch (HyperparameterException e) {
            throw node.get(e.key()).error(e.getMessage());
        }
    }

    private static ComponentSpec component(String name, PluginCatalog<?> catalog,
                                                                 ConfigNode where) {
        try {
            return new ComponentSpec(name, catalog.resolve(name, Map.of()));
        } catch (PluginException e) {
            throw where.error(e.getMessage());
        }
    }

    /** An explicit array: a list of numbers (one row) or a list of equally long rows. */
    private static Matrix matrix(ConfigNode node, String description) {
        List<ConfigNode> items = node.requireList("an array (" + description + "): a list of numbers "
                + "or a list of rows");
        if (items.isEmpty()) {
            throw node.error("the array (" + description + ") is empty");
        }
        if (!items.get(0).json().isArray()) {
            Matrix row = new Matrix(1, items.size());
            for (int c = 0; c < items.size(); c++) {
                row.set(0, c, finiteFloat(items.get(c)));
            }
            return row;
        }
        int cols = items.get(0).json().size();
        if (cols == 0) {
            throw items.get(0).error("the first row of the array (" + description + ") is empty");
        }
        Matrix m = new Matrix(items.size(), cols);
        for (int r = 0; r < items.size(); r++) {
            List<ConfigNode> values = items.get(r).requireList("a row of " + cols + " numbers");
            if (values.size() != cols) {
                throw items.get(r).error("this row has " + values.size() + " values but the first has "
                        + cols + " (" + description + ")");
            }
            for (int c = 0; c < cols; c++) {
                m.set(r, c, finiteFloat(values.get(c)));
            }
        }
        return m;
    }

    private static float finiteFloat(ConfigNode node) {
        double v = node.requireDouble("a weight");
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw node.error("a weight must be a finite float, got " + v);
        }
        return (float) v;
    }

}
