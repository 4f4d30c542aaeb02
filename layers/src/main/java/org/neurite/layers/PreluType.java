package org.neurite.layers;

import java.util.List;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * The {@code prelu} layer type, Keras's {@code PReLU} layer: {@code f(x) = x} for {@code x > 0},
 * {@code alpha·x} otherwise, with a trainable slope {@code alpha} per feature (1×width),
 * {@code alpha_initializer} {@code zeros}, or explicit initial values {@code alpha}, and an
 * optional {@code alpha_regularizer}.
 */
public final class PreluType implements LayerType {
    /** The registry name. */
    public static final String NAME = "prelu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ComponentSlot> components() {
        return List.of(ComponentSlot.withDefault("alpha_initializer", Initializer.class, "zeros"),
                ComponentSlot.optional("alpha_regularizer", Regularizer.class));
    }

    @Override
    public List<ArraySlot> arrays() {
        return List.of(new ArraySlot("alpha", "1×inputs"));
    }

    @Override
    public Layer create(LayerArguments a) {
        return new Prelu(a.name(), a.component("alpha_initializer", Initializer.class), a.array("alpha"),
                a.component("alpha_regularizer", Regularizer.class));
    }

    private static final class Prelu implements Layer {
        private final String name;
        private final Initializer initializer;
        private final Matrix explicit;
        private final Regularizer regularizer;
        private Parameter alpha;

        Prelu(String name, Initializer initializer, Matrix explicit, Regularizer regularizer) {
            this.name = name;
            this.regularizer = regularizer;
            this.initializer = initializer;
            this.explicit = explicit == null ? null : explicit.copy();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return NAME;
        }

        @Override
        public int outputWidth(int inputWidth) {
            RowArrays.requireRow(name, "alpha", explicit, inputWidth);
            return inputWidth;
        }

        @Override
        public void build(int inputWidth, LayerContext context) {
            outputWidth(inputWidth);
            alpha = context.addWeight("alpha", 1, inputWidth, initializer, explicit, regularizer);
        }

        @Override
        public void forward(Matrix input, Matrix output, Pass pass) {
            float[] x = input.data();
            float[] y = output.data();
            float[] s = alpha.value().data();
            int k = s.length;
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] > 0 ? x[i] : s[i % k] * x[i];
            }
        }

        @Override
        public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
            float[] x = input.data();
            float[] g = gradOutput.data();
            float[] s = alpha.value().data();
            float[] gs = alpha.gradient().data();
            int k = s.length;
            java.util.Arrays.fill(gs, 0f);
            for (int i = 0; i < x.length; i++) {
                if (x[i] <= 0) {
                    gs[i % k] += g[i] * x[i];
                }
            }
            if (gradInput != null) {
                float[] gx = gradInput.data();
                for (int i = 0; i < x.length; i++) {
                    gx[i] = x[i] > 0 ? g[i] : s[i % k] * g[i];
                }
            }
        }

        @Override
        public String toString() {
            return name + " (prelu)";
        }
    }
}
