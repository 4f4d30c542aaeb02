package org.neurite.core.config;

import java.util.Objects;
import org.neurite.core.tensor.Matrix;

/** One entry of a configuration's {@code layers} list. */
public sealed interface LayerSpec permits LayerSpec.DenseSpec, LayerSpec.ActivationSpec {

    /** The layer's name, unique in the network ({@code dense_1} unless given). */
    String name();

    /**
     * {@code {type: dense, units: 8, activation: relu, ...}}.
     *
     * @param name              layer name
     * @param units             output width, ≥ 1
     * @param activation        the activation, or {@code null} for linear
     * @param useBias           whether to add a bias
     * @param kernelInitializer how to initialize W
     * @param biasInitializer   how to initialize b
     * @param weights           explicit initial W (inputs×units), or {@code null}
     * @param bias              explicit initial b (1×units), or {@code null}
     */
    record DenseSpec(String name, int units, ComponentSpec activation, boolean useBias,
                     ComponentSpec kernelInitializer, ComponentSpec biasInitializer,
                     Matrix weights, Matrix bias) implements LayerSpec {
        public DenseSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kernelInitializer, "kernelInitializer");
            Objects.requireNonNull(biasInitializer, "biasInitializer");
        }
    }

    /**
     * {@code {type: activation, activation: softmax}}.
     *
     * @param name       layer name
     * @param activation the activation
     */
    record ActivationSpec(String name, ComponentSpec activation) implements LayerSpec {
        public ActivationSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activation, "activation");
        }
    }
}
