package org.neurite.core.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.DataFormat;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.Regularizer;

/**
 * One catalog per {@link PluginKind}: everything a configuration can name. Immutable.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.discover(MyApp.class.getClassLoader());
 * Activation relu = plugins.catalog(PluginKind.ACTIVATION).get("relu");
 * Activation same = plugins.activations().get("relu");        // shorthand for the common kinds
 * }</pre>
 */
public final class Plugins {
    private final Map<PluginKind<?>, PluginCatalog<?>> catalogs;
    private final List<String> loadFailures;

    /**
     * Plugins made of {@code catalogs}; a kind of {@link PluginKind#ALL} without a catalog
     * among them gets an empty one.
     *
     * @param catalogs     at most one catalog per kind
     * @param loadFailures one message per provider that could not be loaded
     */
    public Plugins(List<PluginCatalog<?>> catalogs, List<String> loadFailures) {
        Map<PluginKind<?>, PluginCatalog<?>> byKind = new LinkedHashMap<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            byKind.put(kind, PluginCatalog.builder(kind).build());
        }
        java.util.Set<PluginKind<?>> seen = new java.util.HashSet<>();
        for (PluginCatalog<?> catalog : catalogs) {
            if (!seen.add(catalog.kind())) {
                throw new IllegalArgumentException("two catalogs of " + catalog.kind().plural());
            }
            byKind.put(catalog.kind(), catalog);
        }
        this.catalogs = java.util.Collections.unmodifiableMap(byKind);
        this.loadFailures = List.copyOf(loadFailures);
    }

    /**
     * Discovers every plugin of every kind visible to {@code loader} with
     * {@link java.util.ServiceLoader}. Providers that fail to load are logged and listed in
     * {@link #loadFailures()}; they do not stop the others. Two providers with one name are
     * logged as a warning and become an error only where that name is used.
     *
     * @throws PluginException if a provider's name is not lower_snake_case
     */
    public static Plugins discover(ClassLoader loader) {
        return PluginDiscovery.discover(loader);
    }

    /** Discovers plugins with the class loader that loaded Neurite. */
    public static Plugins discover() {
        return discover(Plugins.class.getClassLoader());
    }

    /** The catalog of {@code kind} (empty when nothing of that kind was found). */
    @SuppressWarnings("unchecked")
    public <T extends Component> PluginCatalog<T> catalog(PluginKind<T> kind) {
        PluginCatalog<?> catalog = catalogs.get(kind);
        if (catalog == null) {
            throw new IllegalArgumentException("unknown plugin kind " + kind);
        }
        return (PluginCatalog<T>) catalog;
    }

    /** Every catalog, in the order of {@link PluginKind#ALL}. */
    public List<PluginCatalog<?>> catalogs() {
        return List.copyOf(catalogs.values());
    }

    /** These plugins with {@code catalog} in place of the one of its kind. */
    public Plugins with(PluginCatalog<?> catalog) {
        Map<PluginKind<?>, PluginCatalog<?>> copy = new LinkedHashMap<>(catalogs);
        copy.put(catalog.kind(), catalog);
        return new Plugins(List.copyOf(copy.values()), loadFailures);
    }

    public PluginCatalog<Activation> activations() {
        return catalog(PluginKind.ACTIVATION);
    }

    public PluginCatalog<Loss> losses() {
        return catalog(PluginKind.LOSS);
    }

    public PluginCatalog<Optimizer> optimizers() {
        return catalog(PluginKind.OPTIMIZER);
    }

    public PluginCatalog<Initializer> initializers() {
        return catalog(PluginKind.INITIALIZER);
    }

    public PluginCatalog<LayerType> layers() {
        return catalog(PluginKind.LAYER);
    }

    public PluginCatalog<MetricType> metrics() {
        return catalog(PluginKind.METRIC);
    }

    public PluginCatalog<CallbackType> callbacks() {
        return catalog(PluginKind.CALLBACK);
    }

    public PluginCatalog<Regularizer> regularizers() {
        return catalog(PluginKind.REGULARIZER);
    }

    public PluginCatalog<DataFormat> dataFormats() {
        return catalog(PluginKind.DATA_FORMAT);
    }

    /** One message per provider that could not be loaded: its class, its jar and the cause. */
    public List<String> loadFailures() {
        return loadFailures;
    }

    @Override
    public String toString() {
        return catalogs.values().stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
