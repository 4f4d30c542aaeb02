package org.neurite.onnx;

import java.util.Set;
import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.spi.ActivationExporter;
import org.neurite.onnx.spi.ExportedActivation;
import org.neurite.onnx.spi.OnnxGraph;

/** A test plugin that ships its own ONNX export. */
public final class CubeActivation implements Activation {
    @Override
    public String name() {
        return "cube";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        for (int i = 0; i < z.size(); i++) {
            float x = z.data()[i];
            a.data()[i] = x * x * x;
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        for (int i = 0; i < z.size(); i++) {
            float x = z.data()[i];
            gradZ.data()[i] = 3 * x * x * gradA.data()[i];
        }
    }

    /** Its export, listed in META-INF/services/org.neurite.onnx.spi.ActivationExporter. */
    public static final class Export implements ActivationExporter {
        @Override
        public Set<String> activations() {
            return Set.of(CubeActivation.class.getName());
        }

        @Override
        public String export(ExportedActivation a, OnnxGraph graph) {
            return graph.node("Pow", a.layer(), a.input(), graph.scalar(a.layer() + "/three", 3f));
        }
    }
}
