package org.neurite.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the three Keras layouts into a {@link KerasModel}: a Keras 3 {@code .keras} zip, a
 * legacy full-model {@code .h5}, and a weights-only {@code .h5} with the architecture JSON.
 * Memory is bounded: zip entries, the architecture JSON and each variable have size limits,
 * checked before anything is read.
 */
final class KerasFiles {
    /** The largest file or zip entry read, 1 GiB. */
    static final long MAX_BYTES = 1L << 30;
    /** The largest architecture or configuration JSON read, 16 MiB. */
    static final int MAX_JSON_BYTES = 16 << 20;
    /** The most values one variable may hold, 2^28. */
    static final long MAX_VALUES = 1L << 28;

    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasFiles() {
    }

    /** A {@code .keras} zip (Keras 3, tf.keras ≥ 2.13) or a legacy full-model {@code .h5}. */
    static KerasModel read(Path file) {
        requireSize(file);
        if (isZip(file)) {
            return readKerasZip(file);
        }
        try (HdfFile hdf = open(file)) {
            String config = stringAttribute(hdf, "model_config", file);
            if (config == null) {
                throw new KerasFormatException(file.getFileName() + ": an HDF5 file without a 'model_config'"
                        + " attribute holds weights only; give the architecture JSON (model.to_json()) too");
            }
            String version = stringAttributeOr(hdf, "keras_version", "");
            String training = stringAttribute(hdf, "training_config", file);
            Node weights = hdf.getChild("model_weights");
            if (!(weights instanceof Group group)) {
                throw new KerasFormatException(file.getFileName() + ": no 'model_weights' group beside"
                        + " 'model_config'; expected a model saved with model.save('....h5')");
            }
            return assemble(file, parse(config, file, "model_config"), version,
                    training == null ? null : parse(training, file, "training_config"), legacyWeights(group, file));
        } catch (io.jhdf.exceptions.HdfException e) {
            throw damaged(file, e);
        }
    }

    /** A truncated or damaged HDF5 file, found while reading past its superblock. */
    private static KerasFormatException damaged(Path file, RuntimeException e) {
        return new KerasFormatException(file.getFileName() + ": a damaged or truncated HDF5 file (" + e.getMessage()
                + "); expected a Keras .h5 or .weights.h5 file", e);
    }

    /** A weights-only {@code .h5} ({@code save_weights}) with the architecture JSON {@code model.to_json()}. */
    static KerasModel read(Path architecture, Path weights) {
        requireSize(architecture);
        requireSize(weights);
        JsonNode arch;
        try {
            if (Files.size(architecture) > MAX_JSON_BYTES) {
                throw new KerasFormatException(architecture.getFileName() + ": " + Files.size(architecture)
                        + " bytes, more than the " + MAX_JSON_BYTES + " an architecture JSON may have");
            }
            arch = parse(Files.readString(architecture), architecture, "the architecture");
        } catch (IOException e) {
            throw new KerasFormatException(architecture + ": cannot read: " + e.getMessage(), e);
        }
        try (HdfFile hdf = open(weights)) {
            String version = stringAttributeOr(hdf, "keras_version", arch.path("keras_version").asText(""));
            Group root = hdf;
            if (hdf.getChild("model_weights") instanceof Group group) {
                root = group;
            }
            if (root.getChild("layers") instanceof Group && stringAttribute(root, "layer_names", weights) == null
                    && !(root.getAttribute("layer_names") != null)) {
                return assembleKeras3(weights, arch, version, null, hdf);
            }
            return assemble(weights, arch, version, null, legacyWeights(root, weights));
        } catch (io.jhdf.exceptions.HdfException e) {
            throw damaged(weights, e);
        }
    }

    private static KerasModel readKerasZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode config = parse(new String(entry(zip, "config.json", MAX_JSON_BYTES, file),
                    java.nio.charset.StandardCharsets.UTF_8), file, "config.json");
            JsonNode metadata = zip.getEntry("metadata.json") == null ? JSON.createObjectNode()
                    : parse(new String(entry(zip, "metadata.json", MAX_JSON_BYTES, file),
                            java.nio.charset.StandardCharsets.UTF_8), file, "metadata.json");
            byte[] weights = entry(zip, "model.weights.h5", MAX_BYTES, file);
            // jhdf reads some layouts only from a file: stage the (size-checked) entry in one.
            Path staged = Files.createTempFile("neurite-keras-", ".weights.h5");
            Files.write(staged, weights);
            try (HdfFile hdf = new HdfFile(staged)) {
                return assembleKeras3(file, config, metadata.path("keras_version").asText(""),
                        config.path("compile_config").isObject() ? config.get("compile_config") : null, hdf);
            } catch (RuntimeException e) {
                if (e instanceof KerasFormatException || e instanceof UnsupportedKerasModelException) {
                    throw e;
                }
                throw new KerasFormatException(file.getFileName() + ": model.weights.h5 is not a readable"
                        + " HDF5 file: " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new KerasFormatException(file.getFileName() + ": not a readable zip: " + e.getMessage(), e);
        }
    }

    /** Keras 3 layout: {@code layers/<snake_case class>[_k]/vars/<i>}, counted per class name. */
    private static KerasModel assembleKeras3(Path file, JsonNode config, String version, JsonNode compile,
            HdfFile hdf) {
        List<JsonNode> layers = chain(config, file);
        Map<String, Integer> used = new HashMap<>();
        Map<String, List<KerasLayer.Weight>> byName = new HashMap<>();
        for (JsonNode layer : layers) {
            String className = layer.path("class_name").asText();
            String snake = snakeCase(className);
            Integer k = used.merge(snake, 0, (a, b) -> a + 1);
            String leaf = k == 0 ? snake : snake + "_" + k;
            // tf.keras 2.13–2.15 wrote the same tree under _layer_checkpoint_dependencies.
            Node node = child(hdf, "layers/" + leaf);
            if (node == null) {
                node = child(hdf, "_layer_checkpoint_dependencies/" + leaf);
            }
            List<KerasLayer.Weight> weights = new ArrayList<>();
            if (node instanceof Group group && group.getChild("vars") instanceof Group vars) {
                for (int i = 0; vars.getChild(Integer.toString(i)) instanceof Dataset d; i++) {
                    weights.add(weight(d, file));
                }
            }
            byName.put(layer.path("config").path("name").asText(), weights);
        }
        return assemble(file, config, version, compile, byName);
    }

    private static Map<String, List<KerasLayer.Weight>> legacyWeights(Group root, Path file) {
        Map<String, List<KerasLayer.Weight>> byName = new HashMap<>();
        for (Node child : root.getChildren().values()) {
            if (!(child instanceof Group layer)) {
                continue;
            }
            List<KerasLayer.Weight> weights = new ArrayList<>();
            Attribute names = layer.getAttribute("weight_names");
            if (names != null) {
                for (String name : strings(names.getData())) {
                    Node node = layer.getByPath(name);
                    if (!(node instanceof Dataset d)) {
                        throw new KerasFormatException(file.getFileName() + ": layer '" + layer.getName()
                                + "' names the weight '" + name + "', which the file does not hold");
                    }
                    weights.add(weight(d, file));
                }
            }
            byName.put(layer.getName(), weights);
        }
        return byName;
    }

    private static KerasModel assemble(Path file, JsonNode config, String version, JsonNode compile,
            Map<String, List<KerasLayer.Weight>> weights) {
        List<JsonNode> chain = chain(config, file);
        int inputWidth = -1;
        List<KerasLayer> layers = new ArrayList<>();
        for (JsonNode layer : chain) {
            String className = layer.path("class_name").asText();
            JsonNode layerConfig = layer.path("config");
            String name = layerConfig.path("name").asText();
            JsonNode shape = layerConfig.has("batch_input_shape") ? layerConfig.get("batch_input_shape")
                    : layerConfig.get("batch_shape");
            if (inputWidth < 0 && shape != null && shape.isArray()) {
                inputWidth = flatWidth(shape, name, className);
            }
            if (className.equals("InputLayer")) {
                continue;
            }
            requireKerasClass(layer, className, name);
            layers.add(new KerasLayer(className, name, layerConfig, weights.getOrDefault(name, List.of())));
        }
        JsonNode build = config.path("config").path("build_input_shape");
        if (inputWidth < 0 && build.isArray()) {
            inputWidth = flatWidth(build, "the model", config.path("class_name").asText());
        }
        if (inputWidth < 0) {
            throw new KerasFormatException(file.getFileName() + ": the model names no input shape (no"
                    + " InputLayer, batch_input_shape or build_input_shape); Neurite needs the input width");
        }
        return new KerasModel(version, inputWidth, layers, compile);
    }

    /**
     * Refuses a layer of a user's class: Keras 3 and tf.keras 2.13+ record a registered custom class
     * as {@code registered_name: "Package>Name"} with the user's module, even when the class reuses a
     * built-in name such as {@code Dense}, whose arithmetic Neurite then cannot know.
     */
    private static void requireKerasClass(JsonNode layer, String className, String name) {
        String registered = layer.path("registered_name").isTextual() ? layer.get("registered_name").asText() : "";
        String module = layer.path("module").isTextual() ? layer.get("module").asText() : "";
        boolean kerasModule = module.isEmpty() || module.equals("keras") || module.startsWith("keras.")
                || module.startsWith("tf_keras") || module.startsWith("tensorflow") || module.startsWith("keras_core");
        if (!(registered.isEmpty() || registered.equals(className)) || !kerasModule) {
            throw new UnsupportedKerasModelException("layer '" + name + "' is the custom class '"
                    + (registered.isEmpty() ? className : registered) + "'" + (module.isEmpty() ? "" : " (module '"
                    + module + "')") + ", which Neurite cannot import; supported layer classes: "
                    + String.join(", ", KerasMapping.SUPPORTED));
        }
    }

    /** The layers of a Sequential model, or of a functional model that is a single chain. */
    private static List<JsonNode> chain(JsonNode config, Path file) {
        String className = config.path("class_name").asText();
        // Keras ≤ 2.2 wrote a Sequential config as the bare list of layers.
        JsonNode layers = config.path("config").isArray() ? config.get("config") : config.path("config").path("layers");
        if (!layers.isArray()) {
            throw new KerasFormatException(file.getFileName() + ": the model configuration has no layer list"
                    + " (class '" + className + "')");
        }
        if (className.equals("Sequential")) {
            List<JsonNode> list = new ArrayList<>();
            layers.forEach(list::add);
            return list;
        }
        if (className.equals("Functional") || className.equals("Model")) {
            List<JsonNode> list = new ArrayList<>();
            String previous = null;
            for (JsonNode layer : layers) {
                JsonNode inbound = layer.path("inbound_nodes");
                String name = layer.path("config").path("name").asText(layer.path("name").asText());
                List<String> sources = sources(inbound);
                if (previous != null && (inbound.size() != 1 || !sources.equals(List.of(previous)))) {
                    throw new UnsupportedKerasModelException("layer '" + name + "' ("
                            + layer.path("class_name").asText() + ") does not take its input from the layer"
                            + " before it ('" + previous + "') alone" + (sources.isEmpty() ? "" : " (it takes "
                            + String.join(", ", sources) + ")") + "; Neurite imports Sequential models and"
                            + " functional models that are a single chain");
                }
                previous = name;
                list.add(layer);
            }
            return list;
        }
        throw new UnsupportedKerasModelException("the model class '" + className + "' is not supported;"
                + " Neurite imports Sequential models and functional models that are a single chain");
    }

    /**
     * The layers a functional layer's inbound nodes read from: Keras 3 writes each input tensor as an
     * object with {@code keras_history: [layer, node, tensor]} inside {@code args}; Keras 2 writes
     * each node as a list of {@code [layer, node, tensor, kwargs]}.
     */
    private static List<String> sources(JsonNode inbound) {
        List<String> sources = new ArrayList<>();
        for (JsonNode node : inbound) {
            if (node.isObject()) {
                collectHistories(node, sources);
            } else if (node.isArray()) {
                for (JsonNode entry : node) {
                    if (entry.isArray() && entry.size() > 0 && entry.get(0).isTextual()) {
                        sources.add(entry.get(0).asText());
                    }
                }
            }
        }
        return sources;
    }

    private static void collectHistories(JsonNode node, List<String> sources) {
        JsonNode history = node.get("keras_history");
        if (history != null && history.isArray() && history.size() > 0 && history.get(0).isTextual()) {
            sources.add(history.get(0).asText());
            return;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                collectHistories(child, sources);
            }
        }
    }

    private static int flatWidth(JsonNode shape, String name, String className) {
        if (shape.size() != 2 || !shape.get(1).canConvertToInt() || shape.get(1).asInt() < 1) {
            throw new UnsupportedKerasModelException("layer '" + name + "' (" + className + ") has the input"
                    + " shape " + shape + "; Neurite's networks take flat vectors, shape [null, width]");
        }
        return shape.get(1).asInt();
    }

    private static KerasLayer.Weight weight(Dataset d, Path file) {
        int[] dims = d.getDimensions();
        long count = 1;
        for (int n : dims) {
            count *= n;
        }
        if (count > MAX_VALUES) {
            throw new KerasFormatException(file.getFileName() + ": the variable '" + d.getPath() + "' has "
                    + count + " values, more than the " + MAX_VALUES + " accepted");
        }
        Class<?> type = d.getJavaType();
        if (type != float.class && type != double.class) {
            throw new KerasFormatException(file.getFileName() + ": the variable '" + d.getPath() + "' holds "
                    + type.getSimpleName() + " values; expected float32 or float64");
        }
        float[] values = new float[(int) count];
        flatten(d.getData(), values, new int[] {0});
        return new KerasLayer.Weight(dims.clone(), values);
    }

    private static void flatten(Object data, float[] out, int[] at) {
        if (data instanceof float[] f) {
            System.arraycopy(f, 0, out, at[0], f.length);
            at[0] += f.length;
        } else if (data instanceof double[] v) {
            for (double x : v) {
                out[at[0]++] = (float) x;
            }
        } else if (data instanceof Float f) {
            out[at[0]++] = f;
        } else if (data instanceof Double v) {
            out[at[0]++] = v.floatValue();
        } else {
            for (int i = 0; i < Array.getLength(data); i++) {
                flatten(Array.get(data, i), out, at);
            }
        }
    }

    /** The node at a relative {@code path} below {@code root}, or {@code null}. */
    private static Node child(Group root, String path) {
        Node node = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(node instanceof Group group) || !group.getChildren().containsKey(part)) {
                return null;
            }
            node = group.getChild(part);
        }
        return node;
    }

    /** Keras's {@code naming.to_snake_case}. */
    static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static HdfFile open(Path file) {
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw new KerasFormatException(file.getFileName() + ": not a readable HDF5 file (" + e.getMessage()
                    + "); expected a Keras .h5 or .keras file", e);
        }
    }

    private static void requireSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new KerasFormatException(file.getFileName() + ": " + size + " bytes, more than the "
                        + MAX_BYTES + " a Keras file may have");
            }
        } catch (IOException e) {
            throw new KerasFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            throw new KerasFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] entry(ZipFile zip, String name, long limit, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new KerasFormatException(file.getFileName() + ": the zip has no '" + name + "'; a .keras file"
                    + " holds config.json, metadata.json and model.weights.h5");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            // The declared size can lie; read at most limit + 1 bytes.
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new KerasFormatException(file.getFileName() + ": '" + name + "' is larger than the "
                        + limit + " bytes accepted");
            }
            return bytes;
        }
    }

    private static JsonNode parse(String json, Path file, String what) {
        if (json.length() > MAX_JSON_BYTES) {
            throw new KerasFormatException(file.getFileName() + ": " + what + " has " + json.length()
                    + " characters, more than the " + MAX_JSON_BYTES + " accepted");
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new KerasFormatException(file.getFileName() + ": " + what + " is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    private static String stringAttribute(Node node, String name, Path file) {
        Attribute attribute = node.getAttribute(name);
        if (attribute == null) {
            return null;
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1
                && Array.get(data, 0) instanceof String s) {
            return s;
        }
        throw new KerasFormatException(file.getFileName() + ": the attribute '" + name + "' is not a string");
    }

    private static String stringAttributeOr(Node node, String name, String otherwise) {
        Attribute attribute = node.getAttribute(name);
        return attribute != null && attribute.getData() instanceof String s ? s : otherwise;
    }

    private static List<String> strings(Object data) {
        List<String> out = new ArrayList<>();
        if (data instanceof String s) {
            out.add(s);
        } else if (data != null && data.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(data); i++) {
                Object item = Array.get(data, i);
                out.add(item instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        : String.valueOf(item));
            }
        }
        return out;
    }
}
