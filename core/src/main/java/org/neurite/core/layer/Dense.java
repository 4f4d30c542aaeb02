package org.neurite.core.layer;

import java.util.Objects;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * A fully connected layer, {@code y = f(x·W + b)}, with {@code W} of shape inputs×units (the
 * Keras orientation, so Keras weights load without transposing). The activation {@code f} is
 * applied by the network ({@link #activation()}), so that a loss can fuse with it.
 *
 * <pre>{@code
 * Dense hidden = Dense.builder(8).activation(relu).kernelInitializer(glorotUniform)
 *         .biasInitializer(zeros).build();
 * }</pre>
 */
public final class Dense implements Layer {
    private final String name;
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Regularizer kernelRegularizer;
    private final Regularizer biasRegularizer;
    private final Regularizer activityRegularizer;
    private final Matrix initialKernel;
    private final Matrix initialBias;

    private Kernels kernels;
    private Parameter kernel;
    private Parameter bias;

    private Dense(Builder b) {
        if (b.units <= 0) {
            throw new HyperparameterException("units", "a dense layer needs at least 1 unit, got " + b.units);
        }
        this.name = b.name;
        this.units = b.units;
        this.activation = b.activation;
        this.useBias = b.useBias;
        this.kernelInitializer = b.kernelInitializer;
        this.biasInitializer = b.biasInitializer;
        this.kernelRegularizer = b.kernelRegularizer;
        this.biasRegularizer = b.biasRegularizer;
        this.activityRegularizer = b.activityRegularizer;
        if (kernelInitializer == null && b.weights == null
                || biasInitializer == null && b.bias == null && useBias) {
            throw new IllegalArgumentException(name + ": give a kernel and a bias initializer, or explicit "
                    + "weights and bias");
        }
        this.initialKernel = b.weights;
        this.initialBias = b.bias;
        if (initialBias != null && !useBias) {
            throw new HyperparameterException("bias", name + ": an explicit bias is given but use_bias is false");
        }
        if (initialBias != null && !initialBias.hasShape(1, units)) {
            throw new HyperparameterException("bias", name + ": the explicit bias has "
                    + initialBias.cols() + (initialBias.rows() == 1 ? "" : "×" + initialBias.rows())
                    + " values but the layer has " + units + " units");
        }
        if (initialKernel != null && initialKernel.cols() != units) {
            throw new HyperparameterException("weights", name + ": the explicit weights are "
                    + initialKernel.shape() + " but the layer has " + units + " units (inputs×units)");
        }
    }

    /** A builder for a layer of {@code units} outputs. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return DenseType.NAME;
    }

    /** The number of units (output width). */
    public int units() {
        return units;
    }

    /** Whether the layer adds a bias. */
    public boolean useBias() {
        return useBias;
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (initialKernel != null && initialKernel.rows() != inputWidth) {
            throw new HyperparameterException("weights", name + ": the explicit weights have "
                    + initialKernel.rows() + " rows but this layer needs " + inputWidth + "×" + units
                    + " (inputs×units) for inputs of width " + inputWidth);
        }
        return units;
    }

    @Override
    public void build(int inputWidth, LayerContext context) {
        outputWidth(inputWidth);
        kernels = context.kernels();
        kernel = context.addWeight("kernel", inputWidth, units, kernelInitializer, initialKernel, kernelRegularizer);
        if (useBias) {
            bias = context.addWeight("bias", 1, units, biasInitializer, initialBias, biasRegularizer);
        }
    }

    /** The kernel W (inputs×units). */
    public Parameter kernel() {
        requireBuilt();
        return kernel;
    }

    /** The bias (1×units), or {@code null} without one. */
    public Parameter bias() {
        requireBuilt();
        return bias;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Regularizer activityRegularizer() {
        return activityRegularizer;
    }

    @Override
    public void forward(Matrix x, Matrix z, Pass pass) {
        requireBuilt();
        kernels.multiply(x, kernel.value(), z);
        if (useBias) {
            kernels.addRowVector(z, bias.value());
        }
    }

    @Override
    public void backward(Matrix x, Matrix z, Matrix gradZ, Matrix gradInput) {
        kernels.multiplyTransposeA(x, gradZ, kernel.gradient());
        if (useBias) {
            kernels.sumRows(gradZ, bias.gradient());
        }
        if (gradInput != null) {
            kernels.multiplyTransposeB(gradZ, kernel.value(), gradInput);
        }
    }

    private void requireBuilt() {
        if (kernel == null) {
            throw new IllegalStateException(name + " has not been built: add it to a Network first");
        }
    }

    @Override
    public String toString() {
        return name + " (dense, " + units + " units" + (activation == null ? "" : ", " + activation.name()) + ")";
    }

    /** Options of a {@link Dense} layer. */
    public static final class Builder {
        private final int units;
        private String name = "dense";
        private Activation activation;
        private boolean useBias = true;
        private Initializer kernelInitializer;
        private Initializer biasInitializer;
        private Regularizer kernelRegularizer;
        private Regularizer biasRegularizer;
        private Regularizer activityRegularizer;
        private Matrix weights;
        private Matrix bias;

        private Builder(int units) {
            this.units = units;
        }

        /** The layer's name (default {@code dense}; networks number unnamed layers). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        /** The activation applied to {@code x·W + b}; {@code null} (the default) for linear. */
        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** Whether to add a bias (default true). */
        public Builder useBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        /** How to initialize W (Keras's default is {@code glorot_uniform}). */
        public Builder kernelInitializer(Initializer initializer) {
            this.kernelInitializer = Objects.requireNonNull(initializer);
            return this;
        }

        /** How to initialize b (Keras's default is {@code zeros}). */
        public Builder biasInitializer(Initializer initializer) {
            this.biasInitializer = Objects.requireNonNull(initializer);
            return this;
        }

        /** A penalty on W (Keras's {@code kernel_regularizer}); {@code null} (the default) for none. */
        public Builder kernelRegularizer(Regularizer regularizer) {
            this.kernelRegularizer = regularizer;
            return this;
        }

        /** A penalty on b (Keras's {@code bias_regularizer}); {@code null} (the default) for none. */
        public Builder biasRegularizer(Regularizer regularizer) {
            this.biasRegularizer = regularizer;
            return this;
        }

        /**
         * A penalty on the layer's output, after its activation (Keras's
         * {@code activity_regularizer}); {@code null} (the default) for none.
         */
        public Builder activityRegularizer(Regularizer regularizer) {
            this.activityRegularizer = regularizer;
            return this;
        }

        /** Explicit initial W (inputs×units), copied at build time; overrides the initializer. */
        public Builder weights(Matrix weights) {
            this.weights = weights == null ? null : weights.copy();
            return this;
        }

        /** Explicit initial b (1×units), copied at build time; overrides the initializer. */
        public Builder bias(Matrix bias) {
            this.bias = bias == null ? null : bias.copy();
            return this;
        }

        public Dense build() {
            return new Dense(this);
        }
    }
}
