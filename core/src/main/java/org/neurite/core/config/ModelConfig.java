package org.neurite.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A whole network as configured: input width, layers, loss, optimizer, metrics, training
 * settings and, optionally, the data to train on. Every plugin reference is resolved (names
 * checked, hyperparameter defaults filled in), so writing it back gives the complete
 * configuration. Read with {@link ConfigReader}, written with {@link ConfigWriter}.
 *
 * @param inputSize width of one input sample
 * @param layers    the layers, in order
 * @param loss      the loss
 * @param optimizer the optimizer
 * @param metrics   the metrics, such as {@code accuracy}
 * @param training  fit settings
 * @param data      the {@code data} section, or {@code null} when the data come from elsewhere
 * @param weightedMetrics the {@code weighted_metrics}: metrics computed with the sample or class
 *                  weights (the {@code metrics} ignore them, as in Keras 3)
 */
public record ModelConfig(int inputSize, List<LayerSpec> layers, ComponentSpec loss,
                          ComponentSpec optimizer, List<ComponentSpec> metrics, TrainingSpec training,
                          DataSpec data, List<ComponentSpec> weightedMetrics) {
    public ModelConfig {
        layers = List.copyOf(layers);
        metrics = List.copyOf(metrics);
        weightedMetrics = List.copyOf(weightedMetrics);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
    }

    /** A configuration without weighted metrics. */
    public ModelConfig(int inputSize, List<LayerSpec> layers, ComponentSpec loss, ComponentSpec optimizer,
                       List<ComponentSpec> metrics, TrainingSpec training, DataSpec data) {
        this(inputSize, layers, loss, optimizer, metrics, training, data, List.of());
    }

    /**
     * The names under which the metrics are logged, in order: the metrics, then the weighted
     * metrics (a weighted metric named like a metric as {@code weighted_<name>}, as Keras 3 does).
     */
    public List<String> metricNames() {
        List<String> names = new java.util.ArrayList<>(metrics.stream().map(ComponentSpec::name).toList());
        for (ComponentSpec m : weightedMetrics) {
            names.add(names.contains(m.name()) ? "weighted_" + m.name() : m.name());
        }
        return List.copyOf(names);
    }

    /** This configuration with other training settings. */
    public ModelConfig withTraining(TrainingSpec training) {
        return new ModelConfig(inputSize, layers, loss, optimizer, metrics, training, data, weightedMetrics);
    }

    /** This configuration with another {@code data} section ({@code null} for none). */
    public ModelConfig withData(DataSpec data) {
        return new ModelConfig(inputSize, layers, loss, optimizer, metrics, training, data, weightedMetrics);
    }
}
