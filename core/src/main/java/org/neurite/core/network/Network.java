package org.neurite.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.neurite.core.layer.ActivationLayer;
import org.neurite.core.layer.BatchBuffers;
import org.neurite.core.layer.Dense;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * A feed-forward network: an ordered list of built layers, and the buffers between them.
 *
 * <pre>{@code
 * Network net = Network.builder(2)
 *         .add(Dense.builder(8).name("dense_1").activation(relu)
 *                 .kernelInitializer(glorotUniform).biasInitializer(zeros).build())
 *         .add(new ActivationLayer("activation_1", softmax))
 *         .seed(42)
 *         .build();
 * Matrix probabilities = net.predict(x);
 * }</pre>
 *
 * <p><b>Activations.</b> A layer's {@link Layer#activation() activation} is applied here, after
 * the layer; when the loss fuses with the output activation the trainer starts the backward
 * pass at the {@link #logits() logits} instead.
 *
 * <p><b>Threads.</b> {@link #predict} and {@link #infer} are safe to call from any number of
 * threads at once: each thread runs in buffers of its own. {@link #forward(Matrix, Pass)} and
 * {@link #backward} are the training path: one thread at a time, and not while parameters are
 * being read by inference on other threads (see {@code Model}).
 */
public final class Network {
    private final int inputSize;
    private final List<Layer> layers;
    private final int[] widths;
    private final Activation[] activations;
    private final List<Parameter> parameters;
    private final List<Parameter> regularized;
    private final List<Regularizer> weightRegularizers;
    private final Regularizer[] activityRegularizers;
    private final Map<String, Matrix> state;
    private final Map<String, Matrix> arrays;
    private final long[] trainableCounts;
    private final long[] stateCounts;
    private final Kernels kernels;
    private final BatchBuffers<Workspace> training = new BatchBuffers<>(n -> new Workspace(n, true));
    private final ThreadLocal<BatchBuffers<Workspace>> inference =
            ThreadLocal.withInitial(() -> new BatchBuffers<>(n -> new Workspace(n, false)));
    private Workspace current;

    private Network(Builder b) {
        if (b.inputSize <= 0) {
            throw new IllegalArgumentException("the input width must be positive, got " + b.inputSize);
        }
        if (b.layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.inputSize = b.inputSize;
        this.layers = List.copyOf(b.layers);
        this.kernels = b.kernels;
        int count = layers.size();
        widths = new int[count + 1];
        widths[0] = inputSize;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Layer layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("two layers are named '" + layer.name()
                        + "': layer names must be unique within a network");
            }
            widths[i + 1] = layer.outputWidth(widths[i]);
            if (widths[i + 1] <= 0) {
                throw new IllegalArgumentException(layer.name() + " would have an output of width "
                        + widths[i + 1]);
            }
        }
        activations = new Activation[count];
        activityRegularizers = new Regularizer[count];
        trainableCounts = new long[count];
        stateCounts = new long[count];
        Builder.Context context = new Builder.Context(kernels, b.random == null ? new SplittableRandom() : b.random,
                b.sizeLimit);
        for (int i = 0; i < count; i++) {
            Layer layer = layers.get(i);
            context.begin(layer.name());
            layer.build(widths[i], context);
            trainableCounts[i] = context.trainableInLayer;
            stateCounts[i] = context.stateInLayer;
            activations[i] = layer.activation();
            activityRegularizers[i] = layer.activityRegularizer();
        }
        this.parameters = List.copyOf(context.parameters);
        this.regularized = List.copyOf(context.regularized);
        this.weightRegularizers = List.copyOf(context.regularizers);
        this.state = Collections.unmodifiableMap(context.state);
        this.arrays = Collections.unmodifiableMap(context.arrays);
    }

    /** A builder for a network taking inputs of width {@code inputSize}. */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return widths[widths.length - 1];
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, layer by layer (Keras's {@code get_weights()} order). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Every non-trainable array (moving statistics), by name such as {@code bn/moving_mean}. */
    public Map<String, Matrix> state() {
        return state;
    }

    /**
     * Every array the network holds, trainable or not, by name, layer by layer in the order each
     * layer added them: what model files save.
     */
    public Map<String, Matrix> arrays() {
        return arrays;
    }

    /** The total number of trainable values. */
    public long parameterCount() {
        long n = 0;
        for (long c : trainableCounts) {
            n += c;
        }
        return n;
    }

    /** The total number of non-trainable values. */
    public long stateCount() {
        long n = 0;
        for (long c : stateCounts) {
            n += c;
        }
        return n;
    }

    /**
     * Whether any layer has a weight or activity regularizer, so that {@link #penalty()} can be
     * other than 0.
     */
    public boolean hasRegularizers() {
        if (!regularized.isEmpty()) {
            return true;
        }
        for (Regularizer r : activityRegularizers) {
            if (r != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The regularization penalty of the last {@link #forward(Matrix, Pass) training forward pass},
     * as Keras 3 adds it to the loss: every weight regularizer's penalty of its parameter's
     * current value, plus every activity regularizer's penalty of its layer's output in that pass
     * divided by the pass's rows. 0 without regularizers. {@link #backward} adds its gradient.
     */
    public double penalty() {
        requireForward();
        return current.penalty();
    }

    /** The kernels this network computes with. */
    public Kernels kernels() {
        return kernels;
    }

    /** The activation the network's output passes through last, or {@code null} if linear. */
    public Activation outputActivation() {
        return activations[activations.length - 1];
    }

    /**
     * The training path: runs a batch through every layer and returns the output (owned by the
     * network, valid until its next forward pass with a batch of this size). The input must stay
     * unchanged until {@link #backward}.
     */
    public Matrix forward(Matrix x, Pass pass) {
        requireInput(x);
        current = training.get(x.rows());
        current.run(x, pass);
        return current.output();
    }

    /**
     * The input of the output activation in the last {@link #forward(Matrix, Pass)} (the output
     * itself if linear).
     */
    public Matrix logits() {
        requireForward();
        return current.out[layers.size() - 1];
    }

    /** Back-propagates dL/doutput of the last forward pass into every parameter's gradient. */
    public void backward(Matrix gradOutput) {
        requireForward();
        current.backward(gradOutput, false);
    }

    /**
     * Back-propagates dL/dlogits (the gradient w.r.t. the input of the output activation) into
     * every parameter's gradient; used when the loss is fused with that activation.
     */
    public void backwardFromLogits(Matrix gradLogits) {
        requireForward();
        current.backward(gradLogits, true);
    }

    /**
     * Inference in this thread's own buffers: the result's matrices are valid until this
     * thread's next call with a batch of this size. Safe from any number of threads.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong width or holds NaN or infinite values
     */
    public Forward infer(Matrix x) {
        requireInput(x);
        // A NaN input row would be scored (as class 0) rather than reported; training data are
        // checked once per fit instead, and a non-finite training batch is a divergence.
        requireFinite(x, "input");
        Workspace w = inference.get().get(x.rows());
        w.run(x, Pass.inference());
        return w;
    }

    /** The network's output for {@code x} (inference), as a new matrix. Thread-safe. */
    public Matrix predict(Matrix x) {
        return infer(x).output().copy();
    }

    /** The outputs of an inference pass. */
    public interface Forward {
        /** The network's output. */
        Matrix output();

        /** The input of the output activation (the output itself if linear). */
        Matrix logits();

        /**
         * The regularization penalty of this pass, computed when asked: as {@link Network#penalty()}
         * for the parameters as they are now and this pass's outputs.
         */
        double penalty();
    }

    private void requireInput(Matrix x) {
        if (x.cols() != inputSize) {
            throw new IllegalArgumentException("the network takes inputs of width " + inputSize
                    + " but got a " + x.shape() + " batch");
        }
    }

    /**
     * Fails if {@code m} holds a NaN or infinite value, naming the first one's row and column:
     * such a value would turn every output it reaches into NaN, and a NaN row scores as class 0.
     *
     * @param what what {@code m} is, for the message ("input", "evaluation data's inputs", …)
     */
    public static void requireFinite(Matrix m, String what) {
        if (Kernels.best().isFinite(m)) {
            return;
        }
        float[] d = m.data();
        int i = 0;
        while (Float.isFinite(d[i])) {
            i++;
        }
        throw new IllegalArgumentException("found " + d[i] + " in the " + what + " at row " + i / m.cols()
                + ", column " + i % m.cols() + "; only finite values can be predicted, evaluated or trained "
                + "on. Remove or impute the non-finite values first.");
    }

    private void requireForward() {
        if (current == null) {
            throw new IllegalStateException("no forward pass to back-propagate through: call forward first");
        }
    }

    /** A table of the layers, their output shapes and parameter counts, like Keras's. */
    public String summary() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String type = capitalized(layer.type());
            String d = layer.describe();
            rows.add(new String[] {layer.name() + " (" + type + (d.isEmpty() ? "" : ", " + d) + ")",
                    "(None, " + widths[i + 1] + ")", String.valueOf(trainableCounts[i] + stateCounts[i])});
        }
        int first = "Layer (type)".length();
        for (String[] row : rows) {
            first = Math.max(first, row[0].length());
        }
        String format = "%-" + (first + 3) + "s%-16s%s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(format, "Layer (type)", "Output Shape", "Param #"));
        String rule = "=".repeat(first + 3 + 16 + 7);
        sb.append(rule).append(System.lineSeparator());
        for (String[] row : rows) {
            sb.append(String.format(format, (Object[]) row));
        }
        sb.append(rule).append(System.lineSeparator());
        sb.append("Total params: ").append(parameterCount() + stateCount()).append(System.lineSeparator());
        sb.append("Trainable params: ").append(parameterCount()).append(System.lineSeparator());
        sb.append("Non-trainable params: ").append(stateCount()).append(System.lineSeparator());
        return sb.toString();
    }

    /** {@code batch_normalization} → {@code BatchNormalization}, {@code dense} → {@code Dense}, as Keras shows types. */
    static String capitalized(String type) {
        StringBuilder sb = new StringBuilder(type.length());
        for (String part : type.split("_", -1)) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.length() == 0 ? type : sb.toString();
    }

    /** The matrices of one batch size: layer outputs, activations and, for training, gradients. */
    private final class Workspace implements Forward {
        final Matrix[] out;       // what each layer computes (before its activation)
        final Matrix[] act;       // after its activation (the same matrix without one)
        final Matrix[] gradAct;   // dL/dact[i] for i < last; the caller supplies the last
        final Matrix[] gradOut;   // dL/dout[i] where an activation sits between (else gradAct)
        final Matrix lastGrad;    // dL/dact[last] plus its activity penalty's gradient
        final Matrix lastActGrad; // the activity penalty's gradient alone, before the fused activation
        Matrix input;

        Workspace(int n, boolean withGradients) {
            int count = layers.size();
            out = new Matrix[count];
            act = new Matrix[count];
            gradAct = withGradients ? new Matrix[count] : null;
            gradOut = withGradients ? new Matrix[count] : null;
            for (int i = 0; i < count; i++) {
                out[i] = new Matrix(n, widths[i + 1]);
                act[i] = activations[i] == null ? out[i] : new Matrix(n, widths[i + 1]);
                if (withGradients) {
                    gradAct[i] = i == count - 1 ? null : new Matrix(n, widths[i + 1]);
                    gradOut[i] = activations[i] == null ? null : new Matrix(n, widths[i + 1]);
                }
            }
            boolean lastPenalized = withGradients && activityRegularizers[count - 1] != null;
            lastGrad = lastPenalized ? new Matrix(n, widths[count]) : null;
            lastActGrad = lastPenalized && activations[count - 1] != null ? new Matrix(n, widths[count]) : null;
        }

        @Override
        public double penalty() {
            double p = 0;
            for (int k = 0; k < regularized.size(); k++) {
                p += weightRegularizers.get(k).penalty(regularized.get(k).value());
            }
            for (int i = 0; i < act.length; i++) {
                if (activityRegularizers[i] != null) {
                    p += activityRegularizers[i].penalty(act[i]) / input.rows();
                }
            }
            return p;
        }

        void run(Matrix x, Pass pass) {
            input = x;
            Matrix h = x;
            for (int i = 0; i < out.length; i++) {
                layers.get(i).forward(h, out[i], pass);
                if (activations[i] != null) {
                    activations[i].forward(out[i], act[i]);
                }
                h = act[i];
            }
        }

        void backward(Matrix grad, boolean fromLogits) {
            int last = out.length - 1;
            Matrix.requireShape(grad, input.rows(), widths[last + 1],
                    fromLogits ? "dL/dlogits" : "dL/doutput");
            Matrix g = grad;
            for (int i = last; i >= 0; i--) {
                boolean fused = fromLogits && i == last;
                Matrix gradZ = g;
                Regularizer penalty = activityRegularizers[i];
                if (penalty != null) {
                    double scale = 1.0 / input.rows();
                    if (i < last) {
                        penalty.addGradient(act[i], scale, g);   // g is gradAct[i], the network's own
                    } else if (!fused) {
                        g = gradZ = lastGrad.copyFrom(g);          // the caller's matrix stays as given
                        penalty.addGradient(act[i], scale, g);
                    } else {
                        // The loss starts at the logits: the penalty's gradient gets there through the activation.
                        lastActGrad.fill(0f);
                        penalty.addGradient(act[i], scale, lastActGrad);
                        activations[i].backward(out[i], act[i], lastActGrad, gradOut[i]);
                        float[] sum = lastGrad.copyFrom(g).data();
                        float[] through = gradOut[i].data();
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] += through[k];
                        }
                        gradZ = lastGrad;
                    }
                }
                if (activations[i] != null && !fused) {
                    activations[i].backward(out[i], act[i], g, gradOut[i]);
                    gradZ = gradOut[i];
                }
                Matrix gradInput = i == 0 ? null : gradAct[i - 1];
                layers.get(i).backward(i == 0 ? input : act[i - 1], out[i], gradZ, gradInput);
                g = gradInput;
            }
            for (int k = 0; k < regularized.size(); k++) {
                Parameter p = regularized.get(k);
                weightRegularizers.get(k).addGradient(p.value(), 1, p.gradient());
            }
        }

        @Override
        public Matrix output() {
            return act[act.length - 1];
        }

        @Override
        public Matrix logits() {
            return out[out.length - 1];
        }
    }

    /** Collects layers, then builds them in order. */
    public static final class Builder {
        /** Parameters and state together may take at most this share of the JVM's memory. */
        private static final double DEFAULT_MEMORY_SHARE = 0.5;

        private final int inputSize;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> counters = new HashMap<>();
        private Kernels kernels = Kernels.best();
        private RandomGenerator random;
        private long sizeLimit = defaultLimit();

        private static long defaultLimit() {
            return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_MEMORY_SHARE);
        }

        private Builder(int inputSize) {
            this.inputSize = inputSize;
        }

        /** Appends a layer. */
        public Builder add(Layer layer) {
            layers.add(Objects.requireNonNull(layer));
            return this;
        }

        /** Appends a dense layer named {@code dense_<k>} with the given initializers. */
        public Builder dense(int units, Activation activation, Initializer kernelInitializer,
                             Initializer biasInitializer) {
            return add(Dense.builder(units).name(nextName("dense")).activation(activation)
                    .kernelInitializer(kernelInitializer).biasInitializer(biasInitializer).build());
        }

        /**
         * Appends a dense layer named {@code dense_<k>} with Keras's default initializers,
         * {@code glorot_uniform} kernels and {@code zeros} biases (core's built-in ones).
         */
        public Builder dense(int units, Activation activation) {
            return dense(units, activation, new org.neurite.core.init.GlorotUniform(),
                    new org.neurite.core.init.Zeros());
        }

        /** Appends an activation layer named {@code activation_<k>}. */
        public Builder activation(Activation activation) {
            return add(new ActivationLayer(nextName("activation"), activation));
        }

        /** The name the next unnamed layer of {@code type} gets: {@code <type>_<k>}, from 1. */
        public String nextName(String type) {
            return type + "_" + counters.merge(type, 1, Integer::sum);
        }

        /** The kernels to compute with (default {@link Kernels#best()}). */
        public Builder kernels(Kernels kernels) {
            this.kernels = Objects.requireNonNull(kernels);
            return this;
        }

        /** Draw initial weights from a generator seeded with {@code seed}. */
        public Builder seed(long seed) {
            return random(new SplittableRandom(seed));
        }

        /** Draw initial weights from {@code random}. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /**
         * The most bytes the network's parameters, their gradients and its state may take
         * (default: half of the JVM's maximum heap). Building a larger network fails before
         * allocating it, saying what it needs.
         */
        public Builder sizeLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the size limit must be positive, got " + bytes);
            }
            this.sizeLimit = bytes;
            return this;
        }

        /** Builds every layer; without a seed, initial weights come from an unseeded generator. */
        public Network build() {
            return new Network(this);
        }

        /** The {@link org.neurite.core.spi.LayerContext} layers build through. */
        private static final class Context implements org.neurite.core.spi.LayerContext {
            private final Kernels kernels;
            private final RandomGenerator random;
            private final long sizeLimit;
            final List<Parameter> parameters = new ArrayList<>();
            final List<Parameter> regularized = new ArrayList<>();
            final List<Regularizer> regularizers = new ArrayList<>();
            final Map<String, Matrix> state = new LinkedHashMap<>();
            final Map<String, Matrix> arrays = new LinkedHashMap<>();
            private String layer;
            private long bytes;
            long trainableInLayer;
            long stateInLayer;

            Context(Kernels kernels, RandomGenerator random, long sizeLimit) {
                this.kernels = kernels;
                this.random = random;
                this.sizeLimit = sizeLimit;
            }

            void begin(String layerName) {
                layer = layerName;
                trainableInLayer = 0;
                stateInLayer = 0;
            }

            @Override
            public Parameter addWeight(String key, int rows, int cols, Initializer initializer, Matrix explicit,
                                       Regularizer regularizer) {
                Matrix value = allocate(key, rows, cols, initializer, explicit, 2);
                Parameter p = new Parameter(layer + "/" + key, value);
                parameters.add(p);
                if (regularizer != null) {
                    regularized.add(p);
                    regularizers.add(regularizer);
                }
                arrays.put(p.name(), value);
                trainableInLayer += (long) rows * cols;
                return p;
            }

            @Override
            public Matrix addState(String key, int rows, int cols, Initializer initializer, Matrix explicit) {
                Matrix value = allocate(key, rows, cols, initializer, explicit, 1);
                state.put(layer + "/" + key, value);
                arrays.put(layer + "/" + key, value);
                stateInLayer += (long) rows * cols;
                return value;
            }

            @Override
            public Kernels kernels() {
                return kernels;
            }

            private Matrix allocate(String key, int rows, int cols, Initializer initializer, Matrix explicit,
                                    int copies) {
                String name = layer + "/" + key;
                if (arrays.containsKey(name)) {
                    throw new IllegalArgumentException(layer + " adds two arrays named '" + key + "'");
                }
                if (rows <= 0 || cols <= 0) {
                    throw new IllegalArgumentException(name + " would be " + rows + "×" + cols);
                }
                long values = (long) rows * cols;
                long needed = values * Float.BYTES * copies;
                if (values > Integer.MAX_VALUE - 8 || bytes + needed > sizeLimit) {
                    throw new NetworkTooLargeException(name + " would be " + rows + "×" + cols + " = " + values
                            + " values; with the arrays before it the network would need "
                            + mebibytes(bytes + needed) + " for its parameters and their gradients, but "
                            + "its limit is " + mebibytes(sizeLimit) + (sizeLimit == defaultLimit()
                            ? " (half of the JVM's maximum heap, " + mebibytes(Runtime.getRuntime().maxMemory())
                            + "). Use fewer units, or give the JVM more memory (-Xmx)." : "."));
                }
                bytes += needed;
                Matrix value = new Matrix(rows, cols);
                if (explicit != null) {
                    if (!explicit.hasShape(rows, cols)) {
                        throw new IllegalArgumentException(name + ": the explicit values are "
                                + explicit.shape() + " but " + rows + "×" + cols + " are needed");
                    }
                    value.copyFrom(explicit);
                } else {
                    boolean vector = rows == 1;
                    initializer.initialize(value, vector ? cols : rows, cols, random);
                }
                return value;
            }

            private static String mebibytes(long bytes) {
                return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
            }
        }
    }
}
