package org.neurite.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;
import org.neurite.core.tensor.Matrix;

/**
 * Writes a {@link ModelConfig} back out in the schema {@link ConfigReader} reads; reading the
 * output gives an equal configuration.
 */
public final class ConfigWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigWriter() {
    }

    /** The configuration as a JSON tree. */
    public static ObjectNode toTree(ModelConfig config) {
        ObjectNode root = NODES.objectNode();
        root.putArray("input_shape").add(config.inputSize());
        ArrayNode layers = root.putArray("layers");
        for (LayerSpec layer : config.layers()) {
            ObjectNode l = layers.addObject();
            l.put("type", layer.type());
            l.put("name", layer.name());
            putValues(l, layer.hyperparameters().asMap());
            layer.components().forEach((key, spec) -> l.set(key, component(spec)));
            layer.arrays().forEach((key, m) -> l.set(key, m.rows() == 1 ? matrix(m).get(0) : matrix(m)));
        }
        root.set("loss", component(config.loss()));
        root.set("optimizer", component(config.optimizer()));
        ArrayNode metrics = root.putArray("metrics");
        config.metrics().forEach(m -> metrics.add(component(m)));
        if (!config.weightedMetrics().isEmpty()) {
            ArrayNode weighted = root.putArray("weighted_metrics");
            config.weightedMetrics().forEach(m -> weighted.add(component(m)));
        }
        TrainingSpec t = config.training();
        ObjectNode training = root.putObject("training");
        training.put("epochs", t.epochs());
        training.put("batch_size", t.batchSize());
        training.put("shuffle", t.shuffle());
        if (t.seed() != null) {
            training.put("seed", t.seed());
        }
        training.put("verbose", t.verbose());
        if (t.validationSplit() != 0) {
            training.put("validation_split", t.validationSplit());
        }
        if (!t.callbacks().isEmpty()) {
            ArrayNode callbacks = training.putArray("callbacks");
            t.callbacks().forEach(c -> callbacks.add(component(c)));
        }
        if (!t.classWeight().isEmpty()) {
            ObjectNode weights = training.putObject("class_weight");
            t.classWeight().forEach((index, w) -> weights.put(String.valueOf(index), w));
        }
        if (t.earlyStopping() != null) {
            ObjectNode e = training.putObject("early_stopping");
            e.put("monitor", t.earlyStopping().monitor());
            e.put("patience", t.earlyStopping().patience());
            e.put("min_delta", t.earlyStopping().minDelta());
            e.put("restore_best_weights", t.earlyStopping().restoreBestWeights());
        }
        if (config.data() != null) {
            root.set("data", DataSpec.write(config.data()));
        }
        return root;
    }

    /** The configuration as indented JSON. */
    public static String toJson(ModelConfig config) {
        return write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT), toTree(config));
    }

    /** The configuration as YAML. */
    public static String toYaml(ModelConfig config) {
        YAMLFactory yaml = YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
        return write(new ObjectMapper(yaml), toTree(config));
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a configuration tree", e);
        }
    }

    private static JsonNode component(ComponentSpec spec) {
        Map<String, Object> values = spec.hyperparameters().asMap();
        if (values.isEmpty() && spec.components().isEmpty()) {
            return NODES.textNode(spec.name());
        }
        ObjectNode o = NODES.objectNode();
        o.put("name", spec.name());
        putValues(o, values);
        spec.components().forEach((key, nested) -> o.set(key, component(nested)));
        return o;
    }

    private static void putValues(ObjectNode o, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                o.put(e.getKey(), b);
            } else if (v instanceof Long l) {
                o.put(e.getKey(), l);
            } else if (v instanceof Number n) {
                o.put(e.getKey(), n.doubleValue());
            } else if (v instanceof java.util.List<?> list) {
                ArrayNode items = o.putArray(e.getKey());
                for (Object item : list) {
                    if (item instanceof Long l) {
                        items.add(l);
                    } else {
                        items.add(((Number) item).doubleValue());
                    }
                }
            } else {
                o.put(e.getKey(), String.valueOf(v));
            }
        }
    }

    private static ArrayNode matrix(Matrix m) {
        ArrayNode rows = NODES.arrayNode();
        for (int r = 0; r < m.rows(); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < m.cols(); c++) {
                row.add(m.get(r, c));
            }
        }
        return rows;
    }
}
