package org.neurite.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.onnx.OnnxFiles.Tensor;
import org.neurite.onnx.proto.OnnxProto.AttributeProto;
import org.neurite.onnx.proto.OnnxProto.GraphProto;
import org.neurite.onnx.proto.OnnxProto.ModelProto;
import org.neurite.onnx.proto.OnnxProto.NodeProto;
import org.neurite.onnx.proto.OnnxProto.TensorProto;
import org.neurite.onnx.proto.OnnxProto.TensorShapeProto;
import org.neurite.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Maps an ONNX graph that is a single chain of supported operators to a Neurite configuration
 * tree with the weights as explicit arrays.
 */
final class OnnxMapping {
    /** The operators imported (besides runs of {@link ElementwiseFunction#OPERATORS} that compute an activation). */
    static final List<String> SUPPORTED = List.of("Gemm", "MatMul (+ Add)", "Relu", "Sigmoid", "Tanh", "Softmax",
            "LogSoftmax", "LeakyRelu", "Elu", "Selu", "HardSigmoid", "Softplus", "Softsign", "Exp", "Gelu", "PRelu",
            "Clip", "BatchNormalization", "LayerNormalization", "Identity", "Dropout", "Flatten", "Constant");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path file;
    private final GraphProto graph;
    private final int opset;
    private final Map<String, Tensor> constants = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final ArrayNode layers = JSON.arrayNode();
    private String current;
    private int width;
    private int inputWidth;

    private OnnxMapping(Path file, ModelProto model) {
        this.file = file;
        this.graph = model.getGraph();
        int version = 0;
        for (var id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                version = (int) id.getVersion();
            }
        }
        this.opset = version;
    }

    /** The configuration tree for {@code model}. */
    static ObjectNode configuration(Path file, ModelProto model, List<String> notes) {
        return new OnnxMapping(file, model).map(notes);
    }

    private ObjectNode map(List<String> notes) {
        for (TensorProto t : graph.getInitializerList()) {
            constants.put(t.getName(), OnnxFiles.tensor(file, t));
        }
        for (NodeProto node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                consumers.merge(input, 1, Integer::sum);
            }
        }
        ValueInfoProto input = input();
        current = input.getName();
        width = inputWidth(input);
        inputWidth = width;
        List<NodeProto> nodes = graph.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            i = node(nodes, i);
        }
        if (graph.getOutputCount() != 1) {
            throw unsupported(graph.getOutputCount() == 0 ? "(graph)" : graph.getOutput(1).getName(), "(outputs)",
                    "the graph has " + graph.getOutputCount() + " outputs; models with one output are imported");
        }
        if (!graph.getOutput(0).getName().equals(current)) {
            throw unsupported(graph.getOutput(0).getName(), "(output)", "the graph's output "
                    + graph.getOutput(0).getName() + " is not the end of its chain of nodes (" + current + ")");
        }
        if (inputWidth <= 0) {
            throw new OnnxFormatException(file, "the graph's input has no known width and no layer sets one");
        }
        if (layers.isEmpty()) {
            layers.addObject().put("type", "activation").put("activation", "linear");
        }
        ObjectNode root = JSON.objectNode();
        root.putArray("input_shape").add(inputWidth);
        root.set("layers", layers);
        JsonNode last = layers.get(layers.size() - 1);
        boolean softmax = "softmax".equals(last.path("activation").asText());
        root.put("loss", softmax ? "categorical_crossentropy" : "mean_squared_error");
        root.put("optimizer", "sgd");
        notes.add("ONNX files hold no training configuration: loss " + (softmax ? "categorical_crossentropy"
                : "mean_squared_error") + " and optimizer sgd set; change them before training further");
        return root;
    }

    private ValueInfoProto input() {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!constants.containsKey(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1) {
            throw unsupported("(graph)", "(inputs)", "the graph has " + inputs.size()
                    + " inputs besides its initializers; models with one input are imported");
        }
        return inputs.get(0);
    }

    /** The product of the input's dimensions after the batch one, or 0 if unknown. */
    private int inputWidth(ValueInfoProto input) {
        if (!input.getType().hasTensorType() || !input.getType().getTensorType().hasShape()) {
            return 0;
        }
        var tensor = input.getType().getTensorType();
        if (tensor.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw unsupported(input.getName(), "(input)", "the graph's input " + input.getName() + " has ONNX "
                    + "element type " + tensor.getElemType() + "; float (1) inputs are imported");
        }
        List<TensorShapeProto.Dimension> dims = tensor.getShape().getDimList();
        if (dims.size() < 2) {
            throw unsupported(input.getName(), "(input)", "the graph's input " + input.getName() + " has "
                    + dims.size() + " dimensions; inputs of a batch dimension and one or more feature dimensions "
                    + "are imported");
        }
        long w = 1;
        for (int d = 1; d < dims.size(); d++) {
            if (!dims.get(d).hasDimValue() || dims.get(d).getDimValue() <= 0) {
                return 0;
            }
            w = Math.multiplyExact(w, dims.get(d).getDimValue());
            if (w > Integer.MAX_VALUE) {
                throw new OnnxFormatException(file, "the graph's input claims " + w + " values per sample");
            }
        }
        if (dims.size() > 2 && (graph.getNodeCount() == 0 || !graph.getNode(0).getOpType().equals("Flatten"))) {
            throw unsupported(graph.getNodeCount() == 0 ? "(graph)" : nameOf(graph.getNode(0)),
                    graph.getNodeCount() == 0 ? "(none)" : graph.getNode(0).getOpType(), "the graph's input has "
                    + dims.size() + " dimensions and does not start with a Flatten; Neurite takes flat samples");
        }
        return (int) w;
    }

    /** Maps the node at {@code i} (and any it absorbs) and returns the index of the last node it used. */
    private int node(List<NodeProto> nodes, int i) {
        NodeProto node = nodes.get(i);
        String op = node.getOpType();
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            throw unsupported(node, "its domain '" + node.getDomain() + "' is not the standard ONNX operator set");
        }
        if (op.equals("Constant")) {
            constant(node);
            return i;
        }
        if (!node.getInputList().contains(current)) {
            throw notAChain(node);
        }
        for (String in : node.getInputList()) {
            if (!in.isEmpty() && !in.equals(current) && !constants.containsKey(in)) {
                throw notAChain(node);
            }
        }
        if (consumers.getOrDefault(current, 0) > 1 && !ElementwiseFunction.OPERATORS.contains(op)) {
            throw notAChain(node);
        }
        switch (op) {
            case "Gemm" -> gemm(node);
            case "MatMul" -> {
                return matMul(nodes, i);
            }
            case "Softmax", "LogSoftmax" -> {
                long axis = attrInt(node, "axis", opset >= 13 ? -1 : 1);
                if (axis != -1 && axis != 1) {
                    throw unsupported(node, "axis " + axis + " is not the feature axis (-1 or 1)");
                }
                activation(op.equals("Softmax") ? "softmax" : "log_softmax", null);
            }
            case "LeakyRelu" -> activation("leaky_relu", Map.of("alpha", (double) attrFloat(node, "alpha", 0.01f)));
            case "Elu" -> activation("elu", Map.of("alpha", (double) attrFloat(node, "alpha", 1f)));
            case "Selu" -> {
                float alpha = attrFloat(node, "alpha", 1.67326319217681884765625f);
                float gamma = attrFloat(node, "gamma", 1.05070102214813232421875f);
                if (Math.abs(alpha - 1.6732632) > 1e-6 || Math.abs(gamma - 1.0507010) > 1e-6) {
                    throw unsupported(node, "alpha " + alpha + " and gamma " + gamma + " are not SELU's constants "
                            + "(1.6732632, 1.0507010), the only ones Neurite's selu has");
                }
                activation("selu", null);
            }
            case "HardSigmoid" -> activation("hard_sigmoid", Map.of("slope", (double) attrFloat(node, "alpha", 0.2f),
                    "offset", (double) attrFloat(node, "beta", 0.5f)));
            case "Gelu" -> {
                String approximate = attrString(node, "approximate", "none");
                if (!approximate.equals("none")) {
                    throw unsupported(node, "approximate '" + approximate + "': Neurite's gelu is the exact one "
                            + "(approximate 'none')");
                }
                activation("gelu", null);
            }
            case "Clip" -> clip(node);
            case "PRelu" -> prelu(node);
            case "BatchNormalization" -> batchNormalization(node);
            case "LayerNormalization" -> layerNormalization(node);
            case "Dropout" -> dropout(node);
            case "Identity" -> { }
            case "Flatten" -> {
                long axis = attrInt(node, "axis", 1);
                if (axis != 1) {
                    throw unsupported(node, "axis " + axis + ": a Flatten that keeps the batch axis (axis 1) is imported");
                }
            }
            default -> {
                if (ElementwiseFunction.OPERATORS.contains(op)) {
                    return elementwise(nodes, i);
                }
                throw unsupported(node, "the operator " + op + " is not supported. Supported: "
                        + String.join(", ", SUPPORTED) + ", and runs of element-wise operators ("
                        + String.join(", ", ElementwiseFunction.OPERATORS) + ") that compute one of Neurite's "
                        + "activations");
            }
        }
        advance(node);
        return i;
    }

    private void advance(NodeProto node) {
        for (int k = 1; k < node.getOutputCount(); k++) {
            if (!node.getOutput(k).isEmpty() && consumers.containsKey(node.getOutput(k))) {
                throw unsupported(node, "its output " + node.getOutput(k) + " is used; only the first output of a node "
                        + "is imported");
            }
        }
        current = node.getOutput(0);
    }

    private void constant(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals("value") && a.hasT()) {
                constants.put(node.getOutput(0), OnnxFiles.tensor(file, a.getT()));
                return;
            }
            if (a.getName().equals("value_float")) {
                constants.put(node.getOutput(0), new Tensor(new long[0], new float[] {a.getF()}));
                return;
            }
            if (a.getName().equals("value_int")) {
                constants.put(node.getOutput(0), new Tensor(new long[0], new float[] {a.getI()}));
                return;
            }
        }
        throw unsupported(node, "a Constant with a value, value_float or value_int attribute is imported");
    }

    private void gemm(NodeProto node) {
        if (!node.getInput(0).equals(current) || node.getInputCount() < 2) {
            throw notAChain(node);
        }
        if (attrInt(node, "transA", 0) != 0) {
            throw unsupported(node, "transA 1: the input is the batch, one sample per row (transA 0)");
        }
        boolean transB = attrInt(node, "transB", 0) != 0;
        float alpha = attrFloat(node, "alpha", 1f);
        float beta = attrFloat(node, "beta", 1f);
        Tensor b = constant(node, 1);
        if (b.rank() != 2) {
            throw unsupported(node, "its B input has " + b.rank() + " dimensions; a 2-D weight matrix is imported");
        }
        int rows = (int) b.dims()[0];
        int cols = (int) b.dims()[1];
        int in = transB ? cols : rows;
        int units = transB ? rows : cols;
        requireWidth(node, in);
        float[] w = new float[in * units];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = alpha * b.values()[r * cols + c];
                w[transB ? c * units + r : r * units + c] = v;
            }
        }
        float[] bias = null;
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            bias = vector(node, constant(node, 2), units, "C");
            for (int k = 0; k < units; k++) {
                bias[k] *= beta;
            }
        }
        dense(w, in, units, bias);
    }

    private int matMul(List<NodeProto> nodes, int i) {
        NodeProto node = nodes.get(i);
        if (!node.getInput(0).equals(current)) {
            throw unsupported(node, "the weights come first; x·W (the input first) is imported");
        }
        Tensor b = constant(node, 1);
        if (b.rank() != 2) {
            throw unsupported(node, "its second input has " + b.rank() + " dimensions; a 2-D weight matrix is imported");
        }
        int in = (int) b.dims()[0];
        int units = (int) b.dims()[1];
        requireWidth(node, in);
        String out = node.getOutput(0);
        float[] bias = null;
        int last = i;
        if (i + 1 < nodes.size() && nodes.get(i + 1).getOpType().equals("Add")
                && consumers.getOrDefault(out, 0) == 1 && nodes.get(i + 1).getInputList().contains(out)) {
            NodeProto add = nodes.get(i + 1);
            String other = add.getInput(0).equals(out) ? add.getInput(1) : add.getInput(0);
            if (constants.containsKey(other)) {
                bias = vector(add, constants.get(other), units, "bias");
                last = i + 1;
            }
        }
        dense(b.values(), in, units, bias);
        advance(nodes.get(last));
        return last;
    }

    private void clip(NodeProto node) {
        float min;
        Float max;
        if (opset >= 11) {
            min = node.getInputCount() > 1 && !node.getInput(1).isEmpty() ? scalar(node, 1) : Float.NEGATIVE_INFINITY;
            max = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? scalar(node, 2) : null;
        } else {
            min = attrFloat(node, "min", Float.NEGATIVE_INFINITY);
            float m = attrFloat(node, "max", Float.POSITIVE_INFINITY);
            max = Float.isInfinite(m) ? null : m;
        }
        if (min != 0) {
            throw unsupported(node, "min " + min + ": a Clip from 0 (a capped ReLU) is imported");
        }
        if (max != null && max == 6f) {
            activation("relu6", null);
            return;
        }
        ObjectNode layer = layers.addObject().put("type", "relu");
        if (max != null) {
            layer.put("max_value", (double) max);
        }
    }

    private void prelu(NodeProto node) {
        Tensor slope = constant(node, 1);
        float[] alpha = slope.values().length == 1 ? filled(width, slope.values()[0]) : vector(node, slope, width, "slope");
        ObjectNode layer = layers.addObject().put("type", "prelu");
        layer.set("alpha", row(alpha));
    }

    private void batchNormalization(NodeProto node) {
        if (attrInt(node, "training_mode", 0) != 0) {
            throw unsupported(node, "training_mode 1: a BatchNormalization in inference form is imported");
        }
        if (node.getInputCount() != 5) {
            throw unsupported(node, "it has " + node.getInputCount() + " inputs; X, scale, B, mean and var are needed");
        }
        ObjectNode layer = layers.addObject().put("type", "batch_normalization")
                .put("epsilon", (double) attrFloat(node, "epsilon", 1e-5f))
                .put("momentum", (double) attrFloat(node, "momentum", 0.9f));
        layer.set("gamma", row(vector(node, constant(node, 1), width, "scale")));
        layer.set("beta", row(vector(node, constant(node, 2), width, "B")));
        layer.set("moving_mean", row(vector(node, constant(node, 3), width, "mean")));
        float[] variance = vector(node, constant(node, 4), width, "var");
        for (float v : variance) {
            if (!(v >= 0)) {
                throw new OnnxFormatException(file, "the BatchNormalization " + nameOf(node) + " has a variance of " + v);
            }
        }
        layer.set("moving_variance", row(variance));
    }

    private void layerNormalization(NodeProto node) {
        long axis = attrInt(node, "axis", -1);
        if (axis != -1 && axis != 1) {
            throw unsupported(node, "axis " + axis + ": normalization over the features (axis -1) is imported");
        }
        ObjectNode layer = layers.addObject().put("type", "layer_normalization")
                .put("epsilon", (double) attrFloat(node, "epsilon", 1e-5f));
        layer.set("gamma", row(vector(node, constant(node, 1), width, "Scale")));
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            layer.set("beta", row(vector(node, constant(node, 2), width, "B")));
        } else {
            layer.put("center", false);
        }
    }

    private void dropout(NodeProto node) {
        double rate = opset >= 12
                ? (node.getInputCount() > 1 && !node.getInput(1).isEmpty() ? scalar(node, 1) : 0.5)
                : attrFloat(node, "ratio", 0.5f);
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty() && scalar(node, 2) != 0) {
            throw unsupported(node, "training_mode true: a Dropout in inference form is imported");
        }
        if (rate > 0 && rate < 1) {
            layers.addObject().put("type", "dropout").put("rate", rate);
        }
    }

    /** A run of element-wise nodes on the current value that together compute an activation. */
    private int elementwise(List<NodeProto> nodes, int i) {
        Set<String> values = new HashSet<>(Set.of(current));
        List<NodeProto> run = new ArrayList<>();
        int j = i;
        for (; j < nodes.size(); j++) {
            NodeProto n = nodes.get(j);
            if (n.getOpType().equals("Constant")) {
                constant(n);
                continue;
            }
            if (!ElementwiseFunction.OPERATORS.contains(n.getOpType()) || !n.getDomain().isEmpty()
                    || n.getInputCount() != (ElementwiseFunction.binary(n.getOpType()) ? 2 : 1)) {
                break;
            }
            boolean fits = false;
            boolean others = true;
            for (String in : n.getInputList()) {
                if (values.contains(in)) {
                    fits = true;
                } else if (!constants.containsKey(in) || constants.get(in).values().length != 1) {
                    others = false;
                }
            }
            if (!fits || !others) {
                break;
            }
            run.add(n);
            values.add(n.getOutput(0));
        }
        if (run.isEmpty()) {
            throw unsupported(nodes.get(i), "an element-wise " + nodes.get(i).getOpType() + " with a constant of "
                    + "several values is imported only as the bias Add after a MatMul");
        }
        String input = current;
        for (int length = run.size(); length >= 1; length--) {
            List<NodeProto> prefix = run.subList(0, length);
            String result = prefix.get(length - 1).getOutput(0);
            if (!closed(prefix, input, result)) {
                continue;
            }
            String name = ElementwiseFunction.identify(x -> evaluate(prefix, input, x));
            if (name != null) {
                if (!name.equals("linear")) {
                    activation(name, null);
                }
                current = result;
                return nodes.indexOf(prefix.get(length - 1));
            }
        }
        StringBuilder ops = new StringBuilder();
        for (NodeProto n : run) {
            ops.append(ops.length() == 0 ? "" : ", ").append(nameOf(n)).append(" (").append(n.getOpType()).append(')');
        }
        throw unsupported(nodes.get(i), "the element-wise nodes " + ops + " compute a function that is none of "
                + "Neurite's activations (linear, relu, sigmoid, tanh, softplus, softsign, exponential, elu, "
                + "selu, gelu, swish, mish)");
    }

    /** Whether the values {@code run} computes from {@code input} are used only inside it, except {@code result}. */
    private boolean closed(List<NodeProto> run, String input, String result) {
        Map<String, Integer> inside = new HashMap<>();
        Set<String> produced = new HashSet<>(Set.of(input));
        for (NodeProto n : run) {
            for (String in : n.getInputList()) {
                inside.merge(in, 1, Integer::sum);
            }
            produced.add(n.getOutput(0));
        }
        for (String v : produced) {
            if (!v.equals(result) && !inside.getOrDefault(v, 0).equals(consumers.getOrDefault(v, 0))) {
                return false;
            }
            if (!v.equals(result) && graph.getOutputList().stream().anyMatch(o -> o.getName().equals(v))) {
                return false;
            }
        }
        return true;
    }

    private double evaluate(List<NodeProto> run, String input, double x) {
        Map<String, Double> v = new HashMap<>();
        v.put(input, x);
        for (NodeProto n : run) {
            double a = valueOf(n.getInput(0), v);
            double b = n.getInputCount() > 1 ? valueOf(n.getInput(1), v) : 0;
            v.put(n.getOutput(0), ElementwiseFunction.apply(n.getOpType(), a, b));
        }
        return v.get(run.get(run.size() - 1).getOutput(0));
    }

    private double valueOf(String name, Map<String, Double> v) {
        Double d = v.get(name);
        return d != null ? d : constants.get(name).values()[0];
    }

    private void dense(float[] w, int in, int units, float[] bias) {
        ObjectNode layer = layers.addObject().put("type", "dense").put("units", units);
        ArrayNode rows = layer.putArray("weights");
        for (int r = 0; r < in; r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < units; c++) {
                row.add(w[r * units + c]);
            }
        }
        if (bias == null) {
            layer.put("use_bias", false);
        } else {
            layer.set("bias", row(bias));
        }
        width = units;
    }

    /** An activation: folded into the dense layer before it if that has none, a layer of its own otherwise. */
    private void activation(String name, Map<String, Double> hyperparameters) {
        JsonNode value;
        if (hyperparameters == null) {
            value = JSON.textNode(name);
        } else {
            ObjectNode o = JSON.objectNode().put("name", name);
            new LinkedHashMap<>(hyperparameters).forEach(o::put);
            value = o;
        }
        JsonNode last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        if (last instanceof ObjectNode dense && "dense".equals(dense.path("type").asText()) && !dense.has("activation")) {
            dense.set("activation", value);
        } else {
            layers.addObject().put("type", "activation").set("activation", value);
        }
    }

    private void requireWidth(NodeProto node, int in) {
        if (width == 0) {
            width = in;
            inputWidth = in;
        } else if (width != in) {
            throw new OnnxFormatException(file, "the " + node.getOpType() + " " + nameOf(node) + " takes " + in
                    + " values per sample but its input has " + width);
        }
    }

    private Tensor constant(NodeProto node, int input) {
        Tensor t = input < node.getInputCount() ? constants.get(node.getInput(input)) : null;
        if (t == null) {
            throw unsupported(node, "its input " + (input < node.getInputCount() ? node.getInput(input) : "#" + input)
                    + " is not a constant (an initializer or a Constant node)");
        }
        return t;
    }

    private float scalar(NodeProto node, int input) {
        Tensor t = constant(node, input);
        if (t.values().length != 1) {
            throw unsupported(node, "its input " + node.getInput(input) + " has " + t.values().length
                    + " values where one is expected");
        }
        return t.values()[0];
    }

    /** A per-feature vector of length {@code n}: shape [n] or [1, n] (or a scalar, repeated). */
    private float[] vector(NodeProto node, Tensor t, int n, String what) {
        long[] d = t.dims();
        boolean fits = (d.length == 1 && d[0] == n) || (d.length == 2 && d[0] == 1 && d[1] == n);
        if (t.values().length == 1 && n != 1) {
            return filled(n, t.values()[0]);
        }
        if (!fits) {
            throw new OnnxFormatException(file, "the " + what + " of " + node.getOpType() + " " + nameOf(node)
                    + " has dimensions " + java.util.Arrays.toString(d) + "; [" + n + "] is expected");
        }
        return t.values();
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static ArrayNode row(float[] values) {
        ArrayNode a = JSON.arrayNode();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }

    private static AttributeProto attr(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static long attrInt(NodeProto node, String name, long otherwise) {
        AttributeProto a = attr(node, name);
        return a == null ? otherwise : a.getI();
    }

    private static float attrFloat(NodeProto node, String name, float otherwise) {
        AttributeProto a = attr(node, name);
        return a == null ? otherwise : a.getF();
    }

    private static String attrString(NodeProto node, String name, String otherwise) {
        AttributeProto a = attr(node, name);
        return a == null ? otherwise : a.getS().toStringUtf8();
    }

    static String nameOf(NodeProto node) {
        return !node.getName().isEmpty() ? node.getName() : node.getOutputCount() > 0 ? node.getOutput(0) : "(unnamed)";
    }

    private UnsupportedOnnxModelException notAChain(NodeProto node) {
        return unsupported(node, "its inputs (" + String.join(", ", node.getInputList()) + ") are not the output of "
                + "the node before it (" + current + ") and constants: only graphs that are a single chain "
                + "(no branches, no skip connections) are imported");
    }

    private UnsupportedOnnxModelException unsupported(NodeProto node, String why) {
        return unsupported(nameOf(node), node.getOpType(), why);
    }

    private UnsupportedOnnxModelException unsupported(String node, String op, String why) {
        return new UnsupportedOnnxModelException(node, op, file.getFileName() + ": cannot import the node '" + node
                + "' (" + op + "): " + why);
    }
}
