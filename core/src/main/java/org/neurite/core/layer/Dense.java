package org.neurite.core.layer;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.neurite.core.init.GlorotUniform;
import org.neurite.core.init.Zeros;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * A fully connected layer, {@code y = f(x·W + b)}, with {@code W} of shape inputs×units (the
 * Keras orientation, so Keras weights load without transposing).
 *
 * <pre>{@code
 * Dense hidden = Dense.builder(8).activation(plugins.activations().get("relu")).build();
 * }</pre>
 */
public final class Dense implements Layer {
    private final String name;
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Matrix initialKernel;
    private final Matrix initialBias;
    private final BatchBuffers<Buffers> buffers = new BatchBuffers<>(Buffers::new);

    private Kernels kernels;
    private int inputSize = -1;
    private Parameter kernel;
    private Parameter bias;
    private Matrix input;
    private Buffers current;

    private Dense(Builder b) {
        if (b.units <= 0) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + b.units);
        }
        this.name = b.name;
        this.units = b.units;
        this.activation = b.activation;
        this.useBias = b.useBias;
        this.kernelInitializer = b.kernelInitializer;
        this.biasInitializer = b.biasInitializer;
        this.initialKernel = b.weights;
        this.initialBias = b.bias;
        if (initialBias != null && !useBias) {
            throw new IllegalArgumentException(name + ": an explicit bias was given but use_bias is false");
        }
        if (initialBias != null) {
            Matrix.requireShape(initialBias, 1, units, name + ": the explicit bias (1×units)");
        }
        if (initialKernel != null && initialKernel.cols() != units) {
            throw new IllegalArgumentException(name + ": the explicit weights are "
                    + initialKernel.shape() + " but the layer has " + units + " units (inputs×units)");
        }
    }

    /** A builder for a layer of {@code units} outputs. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    private final class Buffers {
        final Matrix z;
        final Matrix a;
        final Matrix gradZ;
        final Matrix gradInput;

        Buffers(int n) {
            z = new Matrix(n, units);
            a = activation == null ? z : new Matrix(n, units);
            gradZ = activation == null ? null : new Matrix(n, units);
            gradInput = new Matrix(n, inputSize);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "dense";
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
    public void build(int inputSize, Kernels kernels, RandomGenerator random) {
        if (initialKernel != null && initialKernel.rows() != inputSize) {
            throw new IllegalArgumentException(name + ": the explicit weights are "
                    + initialKernel.shape() + " but the layer needs " + inputSize + "×" + units
                    + " (inputs×units) for inputs of width " + inputSize);
        }
        this.inputSize = inputSize;
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        Matrix w = new Matrix(inputSize, units);
        if (initialKernel != null) {
            w.copyFrom(initialKernel);
        } else {
            kernelInitializer.initialize(w, inputSize, units, random);
        }
        kernel = new Parameter(name + "/kernel", w);
        if (useBias) {
            Matrix b = new Matrix(1, units);
            if (initialBias != null) {
                b.copyFrom(initialBias);
            } else {
                biasInitializer.initialize(b, units, units, random);
            }
            bias = new Parameter(name + "/bias", b);
        }
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return units;
    }

    @Override
    public List<Parameter> parameters() {
        requireBuilt();
        return useBias ? List.of(kernel, bias) : List.of(kernel);
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
    public Matrix forward(Matrix x) {
        requireBuilt();
        if (x.cols() != inputSize) {
            throw new IllegalArgumentException(name + " expects inputs of width " + inputSize
                    + " but got a " + x.shape() + " batch");
        }
        input = x;
        current = buffers.get(x.rows());
        kernels.multiply(x, kernel.value(), current.z);
        if (useBias) {
            kernels.addRowVector(current.z, bias.value());
        }
        if (activation != null) {
            activation.forward(current.z, current.a);
        }
        return current.a;
    }

    @Override
    public Matrix logits() {
        return current.z;
    }

    @Override
    public Matrix activationBackward(Matrix gradOutput) {
        if (activation == null) {
            return gradOutput;
        }
        activation.backward(current.z, current.a, gradOutput, current.gradZ);
        return current.gradZ;
    }

    @Override
    public Matrix backwardFromLogits(Matrix gradLogits, boolean needInputGradient) {
        if (!gradLogits.hasShape(input.rows(), units)) {
            throw Matrix.shapeMismatch(gradLogits, input.rows(), units, name + ": dL/dlogits");
        }
        kernels.multiplyTransposeA(input, gradLogits, kernel.gradient());
        if (useBias) {
            kernels.sumRows(gradLogits, bias.gradient());
        }
        if (!needInputGradient) {
            return null;
        }
        kernels.multiplyTransposeB(gradLogits, kernel.value(), current.gradInput);
        return current.gradInput;
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

    /** Options of a {@link Dense} layer, with Keras's defaults. */
    public static final class Builder {
        private final int units;
        private String name = "dense";
        private Activation activation;
        private boolean useBias = true;
        private Initializer kernelInitializer = new GlorotUniform();
        private Initializer biasInitializer = new Zeros();
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

        /** How to initialize W (default {@code glorot_uniform}). */
        public Builder kernelInitializer(Initializer initializer) {
            this.kernelInitializer = Objects.requireNonNull(initializer);
            return this;
        }

        /** How to initialize b (default {@code zeros}). */
        public Builder biasInitializer(Initializer initializer) {
            this.biasInitializer = Objects.requireNonNull(initializer);
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
