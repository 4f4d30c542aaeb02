package org.neurite.layers;

import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/**
 * The {@code softmax} layer type, Keras's {@code Softmax} layer over the last axis: each row
 * becomes {@code e^{x_i − max} / Σ_j e^{x_j − max}}. The layer passes its input through and
 * returns the softmax as its {@link Layer#activation() activation}, a
 * {@link SoftmaxActivation}, so that categorical cross-entropy fuses with it exactly as with
 * {@code activation: softmax}.
 */
public final class SoftmaxType implements LayerType {
    /** The registry name. */
    public static final String NAME = "softmax";

    private static final RowSoftmax SOFTMAX = new RowSoftmax();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Layer create(LayerArguments a) {
        String name = a.name();
        return new Layer() {
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
                return inputWidth;
            }

            @Override
            public void build(int inputWidth, LayerContext context) {
                // No parameters.
            }

            @Override
            public SoftmaxActivation activation() {
                return SOFTMAX;
            }

            @Override
            public String describe() {
                return "";
            }

            @Override
            public void forward(Matrix input, Matrix output, Pass pass) {
                output.copyFrom(input);
            }

            @Override
            public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
                if (gradInput != null) {
                    gradInput.copyFrom(gradOutput);
                }
            }

            @Override
            public String toString() {
                return name + " (softmax)";
            }
        };
    }

    /** The row-wise softmax the layer ends in; stateless, shared. */
    static final class RowSoftmax implements SoftmaxActivation {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void forward(Matrix z, Matrix a) {
            int k = z.cols();
            float[] in = z.data();
            float[] out = a.data();
            for (int start = 0; start < in.length; start += k) {
                int end = start + k;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = start; i < end; i++) {
                    max = Math.max(max, in[i]);
                }
                double sum = 0;
                for (int i = start; i < end; i++) {
                    sum += Math.exp((double) in[i] - max);
                }
                for (int i = start; i < end; i++) {
                    out[i] = (float) (Math.exp((double) in[i] - max) / sum);
                }
            }
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            int k = z.cols();
            float[] s = a.data();
            float[] g = gradA.data();
            float[] out = gradZ.data();
            for (int start = 0; start < s.length; start += k) {
                int end = start + k;
                double dot = 0;
                for (int i = start; i < end; i++) {
                    dot += (double) g[i] * s[i];
                }
                for (int i = start; i < end; i++) {
                    out[i] = (float) (s[i] * (g[i] - dot));
                }
            }
        }
    }
}
