package org.neurite.core.plugin;

import java.util.List;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;

/**
 * One kind of plugin: its service interface, the word used for it in messages, and how to
 * configure an instance with hyperparameters.
 *
 * @param <T> the service interface
 */
public final class PluginKind<T extends Component> {
    public static final PluginKind<Activation> ACTIVATION =
            new PluginKind<>("activation", "activations", Activation.class, Configurer.of(Activation::configure));
    public static final PluginKind<Loss> LOSS =
            new PluginKind<>("loss", "losses", Loss.class, Configurer.of(Loss::configure));
    public static final PluginKind<Optimizer> OPTIMIZER =
            new PluginKind<>("optimizer", "optimizers", Optimizer.class, Configurer.of(Optimizer::configure));
    public static final PluginKind<Initializer> INITIALIZER =
            new PluginKind<>("initializer", "initializers", Initializer.class, Configurer.of(Initializer::configure));

    /** Every kind, in a fixed order. */
    public static final List<PluginKind<?>> ALL = List.of(ACTIVATION, LOSS, OPTIMIZER, INITIALIZER);

    private final String label;
    private final String plural;
    private final Class<T> type;
    private final Configurer<T> configurer;

    private PluginKind(String label, String plural, Class<T> type, Configurer<T> configurer) {
        this.label = label;
        this.plural = plural;
        this.type = type;
        this.configurer = configurer;
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
        return configurer.configure(component, values);
    }

    @Override
    public String toString() {
        return label;
    }

    private interface Configurer<T> {
        T configure(T component, Hyperparameters values);

        static <T> Configurer<T> of(Configurer<T> c) {
            return c;
        }
    }
}
