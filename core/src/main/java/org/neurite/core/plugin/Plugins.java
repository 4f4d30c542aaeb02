package org.neurite.core.plugin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;

/**
 * The catalogs of the four plugin kinds that networks are built from. Immutable.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.discover(MyApp.class.getClassLoader());
 * Activation relu = plugins.activations().get("relu");
 * }</pre>
 */
public final class Plugins {
    private final PluginCatalog<Activation> activations;
    private final PluginCatalog<Loss> losses;
    private final PluginCatalog<Optimizer> optimizers;
    private final PluginCatalog<Initializer> initializers;
    private final List<String> loadFailures;

    public Plugins(PluginCatalog<Activation> activations, PluginCatalog<Loss> losses,
                   PluginCatalog<Optimizer> optimizers, PluginCatalog<Initializer> initializers,
                   List<String> loadFailures) {
        this.activations = Objects.requireNonNull(activations);
        this.losses = Objects.requireNonNull(losses);
        this.optimizers = Objects.requireNonNull(optimizers);
        this.initializers = Objects.requireNonNull(initializers);
        this.loadFailures = List.copyOf(loadFailures);
    }

    /**
     * Discovers every plugin visible to {@code loader} with {@link java.util.ServiceLoader}.
     * Providers that fail to load are logged and listed in {@link #loadFailures()}; they do
     * not stop the others.
     *
     * @throws PluginException if two providers of one kind share a name
     */
    public static Plugins discover(ClassLoader loader) {
        return PluginDiscovery.discover(loader);
    }

    /** Discovers plugins with the class loader that loaded Neurite. */
    public static Plugins discover() {
        return discover(Plugins.class.getClassLoader());
    }

    public PluginCatalog<Activation> activations() {
        return activations;
    }

    public PluginCatalog<Loss> losses() {
        return losses;
    }

    public PluginCatalog<Optimizer> optimizers() {
        return optimizers;
    }

    public PluginCatalog<Initializer> initializers() {
        return initializers;
    }

    /** The catalog of {@code kind}. */
    @SuppressWarnings("unchecked")
    public <T extends Component> PluginCatalog<T> catalog(PluginKind<T> kind) {
        Map<PluginKind<?>, PluginCatalog<?>> all = Map.of(PluginKind.ACTIVATION, activations,
                PluginKind.LOSS, losses, PluginKind.OPTIMIZER, optimizers,
                PluginKind.INITIALIZER, initializers);
        return (PluginCatalog<T>) all.get(kind);
    }

    /** One message per provider that could not be loaded: its class, its jar and the cause. */
    public List<String> loadFailures() {
        return loadFailures;
    }

    @Override
    public String toString() {
        return activations + ", " + losses + ", " + optimizers + ", " + initializers;
    }
}
