package org.neurite.core.plugin;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.DataFormat;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.LearningRateSchedule;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.Regularizer;

/**
 * One kind of plugin: its service interface, the word used for it in messages, and how to
 * configure an instance with hyperparameters. Kinds are data: adding one is a constant here,
 * listed in {@link #ALL}, plus its service interface. Discovery, the Guice module and the
 * configuration reader handle every kind in {@code ALL} alike.
 *
 * @param <T> the service interface
 */
public final class PluginKind<T extends Component> {
    public static final PluginKind<Activation> ACTIVATION =
            new PluginKind<>("activation", "activations", Activation.class, Activation::configure);
    public static final PluginKind<Loss> LOSS =
            new PluginKind<>("loss", "losses", Loss.class, Loss::configure);
    public static final PluginKind<Optimizer> OPTIMIZER =
            new PluginKind<>("optimizer", "optimizers", Optimizer.class, Optimizer::configure);
    public static final PluginKind<Initializer> INITIALIZER =
            new PluginKind<>("initializer", "initializers", Initializer.class, Initializer::configure);
    public static final PluginKind<LayerType> LAYER =
            new PluginKind<>("layer type", "layer types", LayerType.class, LayerType::configure);
    public static final PluginKind<MetricType> METRIC =
            new PluginKind<>("metric", "metrics", MetricType.class, MetricType::configure);
    public static final PluginKind<LearningRateSchedule> SCHEDULE =
            new PluginKind<>("learning-rate schedule", "learning-rate schedules", LearningRateSchedule.class,
                    LearningRateSchedule::configure);

    public static final PluginKind<CallbackType> CALLBACK =
            new PluginKind<>("callback", "callbacks", CallbackType.class, CallbackType::configure);
    public static final PluginKind<Regularizer> REGULARIZER =
            new PluginKind<>("regularizer", "regularizers", Regularizer.class, Regularizer::configure);

    public static final PluginKind<DataFormat> DATA_FORMAT =
            new PluginKind<>("data format", "data formats", DataFormat.class, DataFormat::configure);

    /** Every kind, in a fixed order. */
    public static final List<PluginKind<?>> ALL =
            List.of(ACTIVATION, LOSS, OPTIMIZER, INITIALIZER, LAYER, METRIC, CALLBACK, SCHEDULE, REGULARIZER,
                    DATA_FORMAT);

    private final String label;
    private final String plural;
    private final Class<T> type;
    private final BiFunction<T, Hyperparameters, T> configurer;

    private PluginKind(String label, String plural, Class<T> type,
                       BiFunction<T, Hyperparameters, T> configurer) {
        this.label = Objects.requireNonNull(label);
        this.plural = Objects.requireNonNull(plural);
        this.type = Objects.requireNonNull(type);
        this.configurer = Objects.requireNonNull(configurer);
    }

    /** The word for this kind in messages, such as {@code activation}. */
    public String label() {
        return label;
    }

    /** The plural, such as {@code losses}. */
    public String plural() {
        return plural;
    }

    /** The service interface. */
    public Class<T> type() {
        return type;
    }

    T configure(T component, Hyperparameters values) {
        return configurer.apply(component, values);
    }

    @Override
    public String toString() {
        return label;
    }
}
