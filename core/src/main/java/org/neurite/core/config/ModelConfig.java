package org.neurite.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A whole network as configured: input width, layers, loss, optimizer, metrics and training
 * settings. Every plugin reference is resolved (names checked, hyperparameter defaults filled
 * in), so writing it back gives the complete configuration. Read with {@link ConfigReader},
 * written with {@link ConfigWriter}.
 *
 * @param inputSize width of one input sample
 * @param layers    the layers, in order
 * @param loss      the loss
 * @param optimizer the optimizer
 * @param metrics   metric names, such as {@code accuracy}
 * @param training  fit settings
 */
public record ModelConfig(int inputSize, List<LayerSpec> layers, ComponentSpec loss,
                          ComponentSpec optimizer, List<String> metrics, TrainingSpec training) {
    public ModelConfig {
        layers = List.copyOf(layers);
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
    }

    /** This configuration with other training settings. */
    public ModelConfig withTraining(TrainingSpec training) {
        return new ModelConfig(inputSize, layers, loss, optimizer, metrics, training);
    }
}
