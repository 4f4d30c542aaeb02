package org.neurite.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.onnx.proto.OnnxProto.AttributeProto;
import org.neurite.onnx.proto.OnnxProto.GraphProto;
import org.neurite.onnx.proto.OnnxProto.NodeProto;
import org.neurite.onnx.proto.OnnxProto.TensorProto;
import org.neurite.onnx.spi.OnnxGraph;

/** The {@link OnnxGraph} behind an export: appends to a {@link GraphProto.Builder}, names values uniquely. */
final class GraphWriter implements OnnxGraph {
    private final GraphProto.Builder graph;
    private final int opset;
    private final Set<String> names = new HashSet<>();

    GraphWriter(GraphProto.Builder graph, int opset, String... reserved) {
        this.graph = graph;
        this.opset = opset;
        names.addAll(List.of(reserved));
    }

    @Override
    public int opset() {
        return opset;
    }

    @Override
    public String constant(String hint, float[] values, long... dims) {
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d + " for the constant " + hint);
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("the constant " + hint + " has " + values.length
                    + " values but its dimensions " + java.util.Arrays.toString(dims) + " hold " + count);
        }
        String name = fresh(hint);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    @Override
    public String node(String opType, String hint, List<String> inputs, Map<String, ?> attributes) {
        String output = fresh(hint + "/" + opType);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> node.addAttribute(attribute(e.getKey(), e.getValue(), opType)));
        graph.addNode(node);
        return output;
    }

    /** A graph value name that is not yet taken, derived from {@code hint}. */
    String fresh(String hint) {
        String base = hint.isEmpty() ? "value" : hint;
        String name = base;
        for (int k = 1; !names.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    private static AttributeProto attribute(String name, Object value, String opType) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (value instanceof Float || value instanceof Double) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof Number n) {
            a.setType(AttributeProto.AttributeType.INT).setI(n.longValue());
        } else if (value instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else if (value instanceof float[] fs) {
            a.setType(AttributeProto.AttributeType.FLOATS);
            for (float f : fs) {
                a.addFloats(f);
            }
        } else if (value instanceof long[] ls) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long l : ls) {
                a.addInts(l);
            }
        } else {
            throw new IllegalArgumentException("the attribute " + name + " of a " + opType + " node is a "
                    + (value == null ? "null" : value.getClass().getName())
                    + "; attributes are Float, Double, Integer, Long, String, float[] or long[]");
        }
        return a.build();
    }
}
