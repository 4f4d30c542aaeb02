package org.neurite.onnx;

import java.util.List;
import java.util.Set;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.spi.ExportedLayer;
import org.neurite.onnx.spi.LayerExporter;
import org.neurite.onnx.spi.OnnxGraph;

/** A test layer plugin, {@code y = factor·x}, that ships its own ONNX export. */
public final class ScaleLayerType implements LayerType {
    @Override
    public String name() {
        return "scale_by";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("factor", 2.0));
    }

    @Override
    public Layer create(LayerArguments a) {
        float factor = (float) a.hyperparameters().number("factor");
        return new Layer() {
            @Override
            public String name() {
                return a.name();
            }

            @Override
            public String type() {
                return "scale_by";
            }

            @Override
            public int outputWidth(int inputWidth) {
                return inputWidth;
            }

            @Override
            public void build(int inputWidth, LayerContext context) {
            }

            @Override
            public void forward(Matrix x, Matrix y, Pass pass) {
                for (int i = 0; i < x.size(); i++) {
                    y.data()[i] = factor * x.data()[i];
                }
            }

            @Override
            public void backward(Matrix x, Matrix y, Matrix gradY, Matrix gradX) {
                if (gradX != null) {
                    for (int i = 0; i < x.size(); i++) {
                        gradX.data()[i] = factor * gradY.data()[i];
                    }
                }
            }
        };
    }

    /** Its export, listed in META-INF/services/org.neurite.onnx.spi.LayerExporter. */
    public static final class Export implements LayerExporter {
        @Override
        public Set<String> layerTypes() {
            return Set.of(ScaleLayerType.class.getName());
        }

        @Override
        public String export(ExportedLayer layer, OnnxGraph graph) {
            String factor = graph.scalar(layer.name() + "/factor", (float) layer.hyperparameters().number("factor"));
            return graph.node("Mul", layer.name(), layer.input(), factor);
        }
    }
}
