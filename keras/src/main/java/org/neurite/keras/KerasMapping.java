package org.neurite.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link KerasModel} to a Neurite configuration tree: Keras class and key names to
 * Neurite's, version defaults made explicit (LeakyReLU's {@code alpha} of Keras 2 and
 * {@code negative_slope} of Keras 3, Keras 2's {@code hard_sigmoid} slope of 0.2), and every
 * variable as an explicit array. Anything without an equivalent is refused.
 */
final class KerasMapping {
    /** The Keras layer classes imported. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Dense", "Activation", "Dropout",
            "GaussianNoise", "BatchNormalization", "LayerNormalization", "ReLU", "LeakyReLU", "ELU", "PReLU",
            "Softmax", "Flatten");

    /** Keras activation names with a Neurite activation of the same meaning. */
    private static final List<String> ACTIVATIONS = List.of("relu", "sigmoid", "tanh", "linear", "softmax",
            "elu", "selu", "softplus", "softsign", "swish", "silu", "gelu", "exponential", "relu6", "mish",
            "log_softmax", "leaky_relu", "hard_sigmoid");

    private static final Map<String, String> LOSSES = Map.ofEntries(
            Map.entry("categorical_crossentropy", "categorical_crossentropy"),
            Map.entry("sparse_categorical_crossentropy", "sparse_categorical_crossentropy"),
            Map.entry("binary_crossentropy", "binary_crossentropy"),
            Map.entry("mean_squared_error", "mean_squared_error"), Map.entry("mse", "mean_squared_error"),
            Map.entry("mean_absolute_error", "mean_absolute_error"), Map.entry("mae", "mean_absolute_error"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KerasMapping() {
    }

    /** The configuration tree; {@code notes} receives what was not imported from the compile configuration. */
    static ObjectNode configuration(KerasModel model, List<String> notes) {
        ObjectNode root = NODES.objectNode();
        root.putArray("input_shape").add(model.inputWidth());
        ArrayNode layers = root.putArray("layers");
        int width = model.inputWidth();
        for (KerasLayer layer : model.layers()) {
            ObjectNode entry = layer(layer, width, model.isKeras3());
            if (entry != null) {
                entry.put("name", layer.name());
                layers.add(entry);
                if (entry.has("units")) {
                    width = entry.get("units").asInt();
                }
            }
        }
        if (layers.isEmpty()) {
            throw new UnsupportedKerasModelException("the model has no layer Neurite can run (only input or"
                    + " flatten layers); supported: " + String.join(", ", SUPPORTED));
        }
        compile(model.compileConfig(), root, notes);
        return root;
    }

    private static ObjectNode layer(KerasLayer layer, int width, boolean keras3) {
        JsonNode c = layer.config();
        ObjectNode e = NODES.objectNode();
        switch (layer.className()) {
            case "Dense" -> {
                int units = c.path("units").asInt();
                boolean bias = c.path("use_bias").asBoolean(true);
                e.put("type", "dense").put("units", units).put("use_bias", bias);
                ObjectNode activation = activation(layer, c.path("activation"), keras3);
                if (activation != null) {
                    e.set("activation", activation);
                }
                requireWeights(layer, bias ? 2 : 1);
                e.set("weights", matrix(layer, 0, width, units));
                if (bias) {
                    e.set("bias", matrix(layer, 1, 1, units));
                }
            }
            case "Activation" -> {
                ObjectNode activation = activation(layer, c.path("activation"), keras3);
                e.put("type", "activation");
                e.set("activation", activation == null ? NODES.textNode("linear") : activation);
            }
            case "Dropout" -> {
                requireNoOption(layer, "noise_shape");
                e.put("type", "dropout").put("rate", c.path("rate").asDouble());
            }
            case "GaussianNoise" -> e.put("type", "gaussian_noise").put("stddev", c.path("stddev").asDouble());
            case "ReLU" -> {
                e.put("type", "relu");
                if (c.hasNonNull("max_value")) {
                    e.put("max_value", c.get("max_value").asDouble());
                }
                e.put("negative_slope", c.path("negative_slope").asDouble(0));
                e.put("threshold", c.path("threshold").asDouble(0));
            }
            // Keras 2 names the slope alpha, Keras 3 negative_slope; both layers default to 0.3.
            case "LeakyReLU" -> e.put("type", "leaky_relu").put("negative_slope",
                    c.has("negative_slope") ? c.get("negative_slope").asDouble() : c.path("alpha").asDouble(0.3));
            case "ELU" -> e.put("type", "elu").put("alpha", c.path("alpha").asDouble(1.0));
            case "Softmax" -> {
                requireLastAxis(layer);
                e.put("type", "softmax");
            }
            case "PReLU" -> {
                requireWeights(layer, 1);
                e.put("type", "prelu");
                e.set("alpha", matrix(layer, 0, 1, width));
            }
            case "BatchNormalization" -> {
                requireLastAxis(layer);
                boolean center = c.path("center").asBoolean(true);
                boolean scale = c.path("scale").asBoolean(true);
                e.put("type", "batch_normalization").put("momentum", c.path("momentum").asDouble(0.99))
                        .put("epsilon", c.path("epsilon").asDouble(1e-3)).put("center", center).put("scale", scale);
                requireWeights(layer, (center ? 1 : 0) + (scale ? 1 : 0) + 2);
                int i = 0;
                if (scale) {
                    e.set("gamma", matrix(layer, i++, 1, width));
                }
                if (center) {
                    e.set("beta", matrix(layer, i++, 1, width));
                }
                e.set("moving_mean", matrix(layer, i++, 1, width));
                e.set("moving_variance", matrix(layer, i, 1, width));
            }
            case "LayerNormalization" -> {
                requireLastAxis(layer);
                if (c.path("rms_scaling").asBoolean(false)) {
                    throw unsupported(layer, "rms_scaling=True has no Neurite equivalent");
                }
                boolean center = c.path("center").asBoolean(true);
                boolean scale = c.path("scale").asBoolean(true);
                e.put("type", "layer_normalization").put("epsilon", c.path("epsilon").asDouble(1e-3))
                        .put("center", center).put("scale", scale);
                requireWeights(layer, (center ? 1 : 0) + (scale ? 1 : 0));
                int i = 0;
                if (scale) {
                    e.set("gamma", matrix(layer, i++, 1, width));
                }
                if (center) {
                    e.set("beta", matrix(layer, i, 1, width));
                }
            }
            case "Flatten", "InputLayer" -> {
                return null;
            }
            default -> throw new UnsupportedKerasModelException("layer '" + layer.name() + "' is a "
                    + layer.className() + ", which Neurite cannot import; supported layer classes: "
                    + String.join(", ", SUPPORTED));
        }
        return e;
    }

    /** A Neurite activation component for Keras's activation value, or {@code null} for linear/absent. */
    private static ObjectNode activation(KerasLayer layer, JsonNode value, boolean keras3) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String name;
        JsonNode config = NODES.objectNode();
        if (value.isTextual()) {
            name = value.asText();
        } else if (value.isObject() && value.has("class_name")) {
            // Keras 3 may serialize an activation as {"module": "keras.activations", "class_name": "relu", ...}.
            name = value.get("class_name").asText();
            config = value.path("config");
        } else {
            throw unsupported(layer, "the activation " + value + " is neither a name nor a serialized function");
        }
        if (!ACTIVATIONS.contains(name)) {
            throw unsupported(layer, "the activation '" + name + "' has no Neurite equivalent; supported: "
                    + String.join(", ", ACTIVATIONS));
        }
        ObjectNode out = NODES.objectNode().put("name", name);
        switch (name) {
            // Keras 2's hard_sigmoid is clip(0.2x + 0.5, 0, 1); Keras 3's relu6(x + 3)/6, Neurite's default.
            case "hard_sigmoid" -> {
                if (!keras3) {
                    out.put("slope", 0.2).put("offset", 0.5);
                }
            }
            // The leaky_relu function defaults to 0.2 in Keras 3 (tf.nn.leaky_relu's 0.2 in Keras 2).
            case "leaky_relu" -> out.put("alpha", config.path("negative_slope").asDouble(
                    config.path("alpha").asDouble(0.2)));
            case "gelu" -> {
                if (config.path("approximate").asBoolean(false)) {
                    throw unsupported(layer, "gelu with approximate=True (the tanh form) has no Neurite"
                            + " equivalent; Neurite's gelu is the exact erf form");
                }
            }
            case "elu" -> out.put("alpha", config.path("alpha").asDouble(1.0));
            default -> {
            }
        }
        return out;
    }

    private static void compile(JsonNode compile, ObjectNode root, List<String> notes) {
        String loss = compile == null ? null : compile.path("loss").isTextual() ? compile.get("loss").asText() : null;
        if (loss != null && LOSSES.containsKey(loss)) {
            root.put("loss", LOSSES.get(loss));
        } else {
            root.put("loss", "mean_squared_error");
            notes.add(compile == null ? "the file has no compile configuration: loss mean_squared_error and"
                    + " optimizer sgd set; change them before training"
                    : "the loss " + compile.path("loss") + " is not imported; mean_squared_error set");
        }
        JsonNode optimizer = compile == null ? null : compile.path("optimizer_config").isObject()
                ? compile.get("optimizer_config") : compile.path("optimizer");
        String name = optimizer == null ? null : optimizer.path("class_name").asText("").toLowerCase(java.util.Locale.ROOT);
        if (name != null && List.of("sgd", "adam", "adamw", "nadam", "adamax", "rmsprop", "adagrad").contains(name)) {
            ObjectNode spec = NODES.objectNode().put("name", name);
            JsonNode rate = optimizer.path("config").path("learning_rate");
            if (rate.isNumber()) {
                // Keras stores float32 learning rates widened to double (0.0010000000474974513).
                spec.put("learning_rate", (double) (float) rate.asDouble());
            }
            root.set("optimizer", spec);
            notes.add("optimizer " + name + " imported with its learning rate; its other settings take Neurite's"
                    + " (Keras's) defaults");
        } else {
            root.set("optimizer", NODES.objectNode().put("name", "sgd"));
            if (compile != null) {
                notes.add("the optimizer " + (optimizer == null ? "(none)" : optimizer.path("class_name"))
                        + " is not imported; sgd set");
            }
        }
    }

    private static ArrayNode matrix(KerasLayer layer, int index, int rows, int cols) {
        KerasLayer.Weight w = layer.weights().get(index);
        if (w.values().length != (long) rows * cols) {
            throw new KerasFormatException("layer '" + layer.name() + "' (" + layer.className() + "): variable "
                    + index + " has shape " + java.util.Arrays.toString(w.shape()) + " but the layer needs "
                    + rows + "×" + cols);
        }
        ArrayNode out = NODES.arrayNode();
        for (int r = 0; r < rows; r++) {
            ArrayNode row = rows == 1 ? out : out.addArray();
            for (int c = 0; c < cols; c++) {
                row.add(w.values()[r * cols + c]);
            }
        }
        return out;
    }

    private static void requireWeights(KerasLayer layer, int count) {
        if (layer.weights().size() != count) {
            throw new KerasFormatException("layer '" + layer.name() + "' (" + layer.className() + ") has "
                    + layer.weights().size() + " variables in the file but its config needs " + count);
        }
    }

    private static void requireNoOption(KerasLayer layer, String key) {
        if (layer.config().hasNonNull(key)) {
            throw unsupported(layer, key + " = " + layer.config().get(key) + " has no Neurite equivalent");
        }
    }

    private static void requireLastAxis(KerasLayer layer) {
        JsonNode axis = layer.config().path("axis");
        boolean last = axis.isMissingNode() || axis.isNull() || axis.asInt() == -1 || axis.asInt() == 1
                || (axis.isArray() && axis.size() == 1 && (axis.get(0).asInt() == -1 || axis.get(0).asInt() == 1));
        if (!last) {
            throw unsupported(layer, "axis " + axis + " is not the feature axis; Neurite's layers work on"
                    + " the last axis of flat inputs");
        }
    }

    private static UnsupportedKerasModelException unsupported(KerasLayer layer, String what) {
        return new UnsupportedKerasModelException("layer '" + layer.name() + "' (" + layer.className() + "): "
                + what);
    }
}
