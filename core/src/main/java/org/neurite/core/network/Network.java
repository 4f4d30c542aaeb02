package org.neurite.core.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.neurite.core.layer.ActivationLayer;
import org.neurite.core.layer.Dense;
import org.neurite.core.layer.Layer;
import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * A feed-forward network: an ordered list of built layers.
 *
 * <pre>{@code
 * Network net = Network.builder(2)
 *         .dense(8, activations.get("relu"))
 *         .dense(2, null)
 *         .activation(activations.get("softmax"))
 *         .seed(42)
 *         .build();
 * Matrix probabilities = net.predict(x);
 * }</pre>
 *
 * <p>{@link #forward} returns a matrix the network owns and reuses; {@link #predict} returns a
 * copy. Not thread-safe: use one network per thread.
 */
public final class Network {
    private final int inputSize;
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Kernels kernels;

    private Network(int inputSize, List<Layer> layers, Kernels kernels, RandomGenerator random) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("the input width must be positive, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Set<String> names = new HashSet<>();
        List<Parameter> params = new ArrayList<>();
        int width = inputSize;
        for (Layer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("two layers are named '" + layer.name()
                        + "': layer names must be unique within a network");
            }
            layer.build(width, kernels, random);
            width = layer.outputSize();
            params.addAll(layer.parameters());
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.parameters = List.copyOf(params);
        this.kernels = kernels;
    }

    /** A builder for a network taking inputs of width {@code inputSize}. */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, layer by layer (Keras's {@code get_weights()} order). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The total number of trainable values. */
    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.value().size()).sum();
    }

    /** The kernels this network computes with. */
    public Kernels kernels() {
        return kernels;
    }

    /** The activation the network's output passes through last, or {@code null} if linear. */
    public Activation outputActivation() {
        return layers.get(layers.size() - 1).activation();
    }

    /**
     * Runs a batch through every layer and returns the output (owned by the network, valid
     * until the next forward pass with a batch of this size).
     */
    public Matrix forward(Matrix x) {
        Matrix h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h);
        }
        return h;
    }

    /** The input of the output activation in the last forward pass. */
    public Matrix logits() {
        return layers.get(layers.size() - 1).logits();
    }

    /** Back-propagates dL/doutput of the last forward pass into every parameter's gradient. */
    public void backward(Matrix gradOutput) {
        Layer last = layers.get(layers.size() - 1);
        backwardFromLogits(last.activationBackward(gradOutput));
    }

    /**
     * Back-propagates dL/dlogits (the gradient w.r.t. the input of the output activation) into
     * every parameter's gradient; used when the loss is fused with that activation.
     */
    public void backwardFromLogits(Matrix gradLogits) {
        int last = layers.size() - 1;
        Matrix g = layers.get(last).backwardFromLogits(gradLogits, last > 0);
        for (int i = last - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }

    /** The network's output for {@code x}, as a new matrix. */
    public Matrix predict(Matrix x) {
        return forward(x).copy();
    }

    /** A table of the layers, their output shapes and parameter counts, like Keras's. */
    public String summary() {
        List<String[]> rows = new ArrayList<>();
        for (Layer layer : layers) {
            long count = layer.parameters().stream().mapToLong(p -> p.value().size()).sum();
            String type = layer.type().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + layer.type().substring(1);
            String d = layer.describe();
            rows.add(new String[] {layer.name() + " (" + type + (d.isEmpty() ? "" : ", " + d) + ")",
                    "(None, " + layer.outputSize() + ")", String.valueOf(count)});
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
        sb.append("Total params: ").append(parameterCount()).append(System.lineSeparator());
        sb.append("Trainable params: ").append(parameterCount()).append(System.lineSeparator());
        sb.append("Non-trainable params: 0").append(System.lineSeparator());
        return sb.toString();
    }

    /** Collects layers, then builds them in order. */
    public static final class Builder {
        private final int inputSize;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> counters = new HashMap<>();
        private Kernels kernels = Kernels.best();
        private RandomGenerator random;

        private Builder(int inputSize) {
            this.inputSize = inputSize;
        }

        /** Appends a layer. */
        public Builder add(Layer layer) {
            layers.add(Objects.requireNonNull(layer));
            return this;
        }

        /** Appends a dense layer named {@code dense_<k>}, with default initializers. */
        public Builder dense(int units, Activation activation) {
            return add(Dense.builder(units).name(nextName("dense")).activation(activation).build());
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

        /** Builds every layer; without a seed, initial weights come from an unseeded generator. */
        public Network build() {
            return new Network(inputSize, layers, kernels,
                    random == null ? new SplittableRandom() : random);
        }
    }
}
