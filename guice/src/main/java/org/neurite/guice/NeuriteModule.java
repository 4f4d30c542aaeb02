package org.neurite.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Types;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Component;

/**
 * The Guice module that binds already-discovered plugins by name and provides the
 * {@link Plugins} that networks are built from.
 *
 * <p>Each discovered plugin is added to a {@link MapBinder} of its kind (one per
 * {@link PluginKind}: {@code Map<String, Activation>}, {@code Map<String, Loss>},
 * {@code Map<String, LayerType>}, {@code Map<String, MetricType>}, ...) under its
 * {@link Component#name()}. Any other module can add
 * to the same maps; the singleton {@link Plugins} this module provides holds the discovered
 * plugins and the bound ones alike, so a bound plugin is used by name exactly like a discovered
 * one.
 *
 * <pre>{@code
 * class MyPluginsModule extends AbstractModule {
 *     protected void configure() {
 *         MapBinder.newMapBinder(binder(), String.class, Activation.class)
 *                 .addBinding("swish").toInstance(new Swish());
 *     }
 * }
 *
 * Injector injector = Guice.createInjector(NeuriteModule.discover(), new MyPluginsModule());
 * Activation swish = injector.getInstance(Plugins.class).activations().get("swish");
 *
 * // Networks from configuration files, with discovered and bound plugins alike:
 * ModelConfig config = injector.getInstance(ConfigReader.class).read(Path.of("xor.yaml"));
 * Model model = injector.getInstance(ModelAssembler.class).assemble(config);
 * }</pre>
 *
 * <p><b>Errors.</b> Binding mistakes fail {@code createInjector} with a
 * {@link com.google.inject.CreationException}: two plugins of one kind under one name (Guice
 * lists where each was bound, a discovered one as {@code activation 'relu' discovered in <jar>}),
 * and a plugin bound under a key other than its {@code name()}, which is its config key.
 *
 * <p>Discovery runs once, before the injector: this module only binds the {@link Plugins} it is
 * given, and {@link #configure()} has no side effects.
 */
public final class NeuriteModule extends AbstractModule {
    /** The source of a plugin that a Guice module bound rather than discovery found. */
    static final String BOUND_SOURCE = "a Guice module binding";

    private final Plugins discovered;

    /**
     * A module that binds {@code discovered}, typically the result of
     * {@link Plugins#discover(ClassLoader)}.
     */
    public NeuriteModule(Plugins discovered) {
        this.discovered = Objects.requireNonNull(discovered, "discovered");
    }

    /** Discovers plugins once with {@link Plugins#discover()} and returns a module binding them. */
    public static NeuriteModule discover() {
        return new NeuriteModule(Plugins.discover());
    }

    /**
     * Discovers the plugins visible to {@code loader} once with
     * {@link Plugins#discover(ClassLoader)} and returns a module binding them.
     *
     * @throws PluginException if two discovered providers of one kind share a name
     */
    public static NeuriteModule discover(ClassLoader loader) {
        return new NeuriteModule(Plugins.discover(loader));
    }

    @Override
    protected void configure() {
        for (PluginKind<?> kind : PluginKind.ALL) {
            bindDiscovered(discovered.catalog(kind));
        }
        // Building the catalogs while the injector is created makes a mis-bound plugin a
        // CreationException, like a duplicate name, instead of a failure on first use.
        bind(EagerPlugins.class).asEagerSingleton();
    }

    private <T extends Component> void bindDiscovered(PluginCatalog<T> catalog) {
        PluginKind<T> kind = catalog.kind();
        // Declared even when nothing was discovered, so that the map of this kind always exists.
        MapBinder.newMapBinder(binder(), String.class, kind.type());
        for (PluginCatalog.Entry<T> entry : catalog.entries()) {
            if (catalog.isAmbiguous(entry.name())) {
                continue; // Kept in the discovered catalog; only using the name is an error.
            }
            // The source is what Guice prints for this binding, e.g. in a duplicate-key error.
            String source = kind.label() + " '" + entry.name() + "' discovered in " + entry.source();
            MapBinder.newMapBinder(binder().withSource(source), String.class, kind.type())
                    .addBinding(entry.name()).toInstance(entry.instance());
        }
    }

    /**
     * The catalogs of every discovered and bound plugin, one per {@link PluginKind}; discovered
     * plugins keep their jar as source, bound ones have {@value #BOUND_SOURCE}.
     *
     * <p>It reads the maps' entry sets rather than the maps: under
     * {@link MapBinder#permitDuplicates()} a map silently keeps one of two plugins with one
     * name, while the entry set holds both, and the catalog keeps both too, so that using the
     * name is an error naming both.
     *
     * @throws PluginException if a plugin is bound under a key other than its name
     */
    @Provides
    @Singleton
    Plugins plugins(Injector injector) {
        List<PluginCatalog<?>> catalogs = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            catalogs.add(catalog(discovered.catalog(kind), injector));
        }
        return new Plugins(catalogs, discovered.loadFailures());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> Set<Map.Entry<String, Provider<T>>> bindings(PluginKind<T> kind,
                                                                                       Injector injector) {
        Type entry = Types.newParameterizedTypeWithOwner(Map.class, Map.Entry.class, String.class,
                Types.providerOf(kind.type()));
        return (Set<Map.Entry<String, Provider<T>>>) injector.getInstance(Key.get(Types.setOf(entry)));
    }

    /** Reads configuration files, resolving plugin names in the provided {@link Plugins}. */
    @Provides
    @Singleton
    ConfigReader configReader(Plugins plugins) {
        return new ConfigReader(plugins);
    }

    /** Builds models from configurations with the provided {@link Plugins}. */
    @Provides
    @Singleton
    ModelAssembler modelAssembler(Plugins plugins) {
        return new ModelAssembler(plugins);
    }

    private static <T extends Component> PluginCatalog<T> catalog(PluginCatalog<T> discovered, Injector injector) {
        PluginKind<T> kind = discovered.kind();
        PluginCatalog.Builder<T> builder = PluginCatalog.builder(kind);
        Set<T> bound = new HashSet<>();
        for (Map.Entry<String, Provider<T>> binding : bindings(kind, injector)) {
            String key = binding.getKey();
            T instance = binding.getValue().get();
            if (!key.equals(instance.name())) {
                throw new PluginException("The " + kind.label() + " bound under the key '" + key
                        + "' is " + instance.getClass().getName() + ", whose name() is '"
                        + instance.name() + "'. A plugin's name() is its config key: bind it with "
                        + "addBinding(\"" + instance.name() + "\"), or make its name() return '"
                        + key + "'.");
            }
            String source = BOUND_SOURCE;
            for (PluginCatalog.Entry<T> e : discovered.entries()) {
                if (e.instance() == instance) {
                    source = e.source();
                }
            }
            builder.add(instance, source);
            bound.add(instance);
        }
        // Discovered plugins that share a name were not bound; they stay, and stay ambiguous.
        for (PluginCatalog.Entry<T> e : discovered.entries()) {
            if (!bound.contains(e.instance())) {
                builder.add(e.instance(), e.source());
            }
        }
        return builder.build();
    }

    /** Needs the {@link Plugins}, so that binding it as an eager singleton builds them early. */
    static final class EagerPlugins {
        @Inject
        EagerPlugins(Plugins plugins) {
            // Nothing to keep: being constructed with the plugins is the whole point.
        }
    }
}
