package org.neurite.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.neurite.core.config.ComponentSpec;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.LayerSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.io.AtomicFile;
import org.neurite.core.model.Model;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Layer;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.proto.OnnxProto.GraphProto;
import org.neurite.onnx.proto.OnnxProto.ModelProto;
import org.neurite.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.neurite.onnx.proto.OnnxProto.StringStringEntryProto;
import org.neurite.onnx.proto.OnnxProto.TensorProto;
import org.neurite.onnx.proto.OnnxProto.TensorShapeProto;
import org.neurite.onnx.proto.OnnxProto.TypeProto;
import org.neurite.onnx.proto.OnnxProto.ValueInfoProto;
import org.neurite.onnx.spi.ActivationExporter;
import org.neurite.onnx.spi.ExportedActivation;
import org.neurite.onnx.spi.ExportedLayer;
import org.neurite.onnx.spi.LayerExporter;

/**
 * Writes a Neurite model as an ONNX model for inference.
 *
 * <pre>{@code
 * OnnxExport.write(model, Path.of("model.onnx"));
 * }</pre>
 *
 * <p>The graph takes one float32 input {@value #INPUT}, {@code N×inputs} with a dynamic batch
 * dimension {@value #BATCH}, and gives one output {@value #OUTPUT}, {@code N×outputs}: what
 * {@link Model#predict} gives. Each layer is written by the {@link LayerExporter} that claims its
 * layer type's class and each activation by the {@link ActivationExporter} that claims its class
 * (the built-in ones ship in this module; a plugin's jar can carry its own); a model with a
 * component no exporter claims is refused with an {@link UnsupportedExportException} naming it,
 * and nothing is written. The file uses IR version {@value #IR_VERSION} and operator set
 * {@value #OPSET}, which every ONNX Runtime since 1.12 runs, and holds the Neurite configuration
 * (without its explicit arrays, which are the graph's initializers) in the metadata entry
 * {@value #CONFIG_KEY}.
 */
public final class OnnxExport {
    /** The ONNX IR version written. */
    public static final int IR_VERSION = 8;
    /** The operator set of the default domain the graph uses. */
    public static final int OPSET = 17;
    /** The name of the graph's input. */
    public static final String INPUT = "input";
    /** The name of the graph's output. */
    public static final String OUTPUT = "output";
    /** The name of the dynamic batch dimension. */
    public static final String BATCH = "batch";
    /** The metadata key holding the model's Neurite configuration (JSON). */
    public static final String CONFIG_KEY = "neurite.config";

    private OnnxExport() {
    }

    /**
     * Writes {@code model} to {@code file} atomically (a temporary file in the same directory,
     * renamed over the target), with the exporters visible to neurite-onnx's class loader.
     *
     * @throws UnsupportedExportException if a layer or activation cannot be exported; nothing is written
     */
    public static void write(Model model, Path file) {
        write(model, file, OnnxExporters.discover());
    }

    /** {@link #write(Model, Path)} with the given exporters. */
    public static void write(Model model, Path file, OnnxExporters exporters) {
        byte[] bytes = toBytes(model, exporters);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** The ONNX model as bytes (a serialized {@code ModelProto}). */
    public static byte[] toBytes(Model model, OnnxExporters exporters) {
        return model.readConsistently("export", () -> toProto(model, exporters)).toByteArray();
    }

    static ModelProto toProto(Model model, OnnxExporters exporters) {
        Objects.requireNonNull(exporters, "exporters");
        Network network = model.network();
        ModelConfig config = model.config();
        Map<String, String> implementations = new HashMap<>();
        for (PluginUse use : model.plugins()) {
            if (use.kind().equals(PluginKind.LAYER.label())) {
                implementations.put(use.name(), use.implementation());
            }
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("neurite");
        GraphWriter writer = new GraphWriter(graph, OPSET, INPUT, OUTPUT);
        graph.addInput(tensorInfo(INPUT, network.inputSize()));
        String value = INPUT;
        int width = network.inputSize();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            LayerSpec spec = config.layers().get(i);
            int outWidth = layer.outputWidth(width);
            String implementation = implementations.getOrDefault(spec.type(), layer.getClass().getName());
            LayerExporter exporter = exporterOf(exporters.layer(implementation), layer, spec.type(), implementation,
                    "layer type", "LayerExporter", exporters.layerTypes());
            value = exporter.export(new ExportedLayer(layer, spec.hyperparameters(), arraysOf(network, layer.name()),
                    width, outWidth, value), writer);
            Activation activation = layer.activation();
            if (activation != null) {
                String activationClass = activation.getClass().getName();
                ActivationExporter a = exporterOf(exporters.activation(activationClass), layer, activation.name(),
                        activationClass, "activation", "ActivationExporter", exporters.activations());
                value = a.export(new ExportedActivation(activation, activationSettings(spec, activation, model),
                        layer.name(), outWidth, value), writer);
            }
            width = outWidth;
        }
        graph.addNode(org.neurite.onnx.proto.OnnxProto.NodeProto.newBuilder().setOpType("Identity")
                .setName(OUTPUT).addInput(value).addOutput(OUTPUT));
        graph.addOutput(tensorInfo(OUTPUT, width));
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("Neurite")
                .setProducerVersion(version()).setModelVersion(1)
                .setDocString("Exported by Neurite from a model of " + layers.size() + " layers")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey(CONFIG_KEY).setValue(configJson(config)))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("neurite.seed")
                        .setValue(String.valueOf(model.seed())))
                .build();
    }

    private static <T> T exporterOf(List<OnnxExporters.Found<T>> found, Layer layer, String name, String className,
                                    String kind, String spi, List<String> available) {
        if (found.size() == 1) {
            return found.get(0).exporter();
        }
        if (found.isEmpty()) {
            throw new UnsupportedExportException(layer.name(), name, "Cannot export the layer '" + layer.name()
                    + "' to ONNX: its " + kind + " '" + name + "' (" + className + ") has no ONNX export. A plugin "
                    + "provides one with a class implementing org.neurite.onnx.spi." + spi + " listed in "
                    + "META-INF/services/org.neurite.onnx.spi." + spi + ". Exported " + kind + " classes: "
                    + String.join(", ", available));
        }
        throw new UnsupportedExportException(layer.name(), name, "Cannot export the layer '" + layer.name()
                + "' to ONNX: several exporters claim its " + kind + " '" + name + "' (" + className + "): "
                + found.stream().map(f -> f.exporter().getClass().getName() + " (from " + f.source() + ")")
                .collect(Collectors.joining(", ")) + ". Remove all but one of their jars.");
    }

    /** The configured hyperparameters of the layer's activation, or its defaults when the layer has it built in. */
    private static Hyperparameters activationSettings(LayerSpec spec, Activation activation, Model model) {
        for (ComponentSpec c : spec.components().values()) {
            for (PluginUse use : model.plugins()) {
                if (use.kind().equals(PluginKind.ACTIVATION.label()) && use.name().equals(c.name())
                        && use.implementation().equals(activation.getClass().getName())) {
                    return c.hyperparameters();
                }
            }
        }
        return Hyperparameters.resolve("activation '" + activation.name() + "'", activation.hyperparameters(), Map.of());
    }

    private static Map<String, Matrix> arraysOf(Network network, String layer) {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        String prefix = layer + "/";
        network.arrays().forEach((name, m) -> {
            if (name.startsWith(prefix)) {
                arrays.put(name.substring(prefix.length()), m);
            }
        });
        return arrays;
    }

    private static ValueInfoProto tensorInfo(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    /** The configuration as JSON, without the layers' explicit arrays (the graph holds the values). */
    static String configJson(ModelConfig config) {
        ObjectNode tree = ConfigWriter.toTree(config);
        JsonNode layers = tree.path("layers");
        for (int i = 0; i < config.layers().size() && i < layers.size(); i++) {
            if (layers.get(i) instanceof ObjectNode layer) {
                layer.remove(config.layers().get(i).arrays().keySet());
            }
        }
        return tree.toString();
    }

    private static String version() {
        Package p = OnnxExport.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
