package org.neurite.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.neurite.core.internal.Names;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;

/**
 * The plugins of one kind, by name, each with where it came from. Immutable and thread-safe.
 *
 * <pre>{@code
 * PluginCatalog<Activation> activations = Plugins.discover().activations();
 * Activation relu = activations.get("relu");
 * Activation leaky = activations.create("leaky_relu", Map.of("alpha", 0.1));
 * }</pre>
 *
 * @param <T> the service interface
 */
public final class PluginCatalog<T extends Component> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final PluginKind<T> kind;
    private final Map<String, Entry<T>> entries;

    /**
     * A discovered or bound plugin and where it came from.
     *
     * @param instance the shared, default-configured instance
     * @param source   the jar or directory it was loaded from, or how it was bound
     */
    public record Entry<T>(T instance, String source) {
        public Entry {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(source, "source");
        }
    }

    private PluginCatalog(PluginKind<T> kind, Map<String, Entry<T>> entries) {
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** A builder that refuses two plugins with one name. */
    public static <T extends Component> Builder<T> builder(PluginKind<T> kind) {
        return new Builder<>(kind);
    }

    /** The kind of plugins in this catalog. */
    public PluginKind<T> kind() {
        return kind;
    }

    /** The available names, sorted. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Every entry by name, sorted by name. */
    public Map<String, Entry<T>> entries() {
        return entries;
    }

    /** {@code true} if a plugin of this name is available. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * The shared instance named {@code name}, with default hyperparameters.
     *
     * @throws PluginException if no plugin has that name; the message lists what is available
     */
    public T get(String name) {
        return entry(name).instance();
    }

    /** Where the plugin named {@code name} came from (its jar or directory). */
    public String source(String name) {
        return entry(name).source();
    }

    /**
     * Validates {@code hyperparameters} against the declarations of plugin {@code name} and
     * fills in defaults.
     *
     * @throws PluginException         if no plugin has that name
     * @throws HyperparameterException if a key is unknown or a value has the wrong type or range
     */
    public Hyperparameters resolve(String name, Map<String, ?> hyperparameters) {
        T plugin = get(name);
        return Hyperparameters.resolve(kind.label() + " '" + name + "'", plugin.hyperparameters(),
                hyperparameters);
    }

    /**
     * The plugin named {@code name} configured with {@code hyperparameters} (defaults for
     * absent keys).
     *
     * @throws PluginException         if no plugin has that name
     * @throws HyperparameterException if a key is unknown or a value has the wrong type or range
     */
    public T create(String name, Map<String, ?> hyperparameters) {
        Hyperparameters values = resolve(name, hyperparameters);
        return values.asMap().isEmpty() ? get(name) : kind.configure(get(name), values);
    }

    private Entry<T> entry(String name) {
        Entry<T> e = entries.get(name);
        if (e == null) {
            throw new PluginException(unknownName(name));
        }
        return e;
    }

    /** The message for a name nobody provides: kind, name, closest match, available names, hint. */
    public String unknownName(String name) {
        return "Unknown " + kind.label() + " '" + Names.shorten(name) + "'. " + Names.didYouMean(name, names())
                + "Available: " + (names().isEmpty() ? "none" : String.join(", ", names())) + ". "
                + "A plugin jar on the class path that lists its class in META-INF/services/"
                + kind.type().getName() + " provides new names.";
    }

    @Override
    public String toString() {
        return kind.plural() + " " + names();
    }

    /** Collects entries; two with one name is an error naming both and their sources. */
    public static final class Builder<T extends Component> {
        private final PluginKind<T> kind;
        private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

        private Builder(PluginKind<T> kind) {
            this.kind = kind;
        }

        /**
         * Adds {@code instance} under its {@link Component#name()}.
         *
         * @throws PluginException if the name is not lower_snake_case or is already taken
         */
        public Builder<T> add(T instance, String source) {
            String name = instance.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new PluginException("The " + kind.label() + " " + instance.getClass().getName()
                        + " (from " + source + ") has the name '" + name + "', which is not "
                        + "lower_snake_case (like 'leaky_relu'). Plugin names are config keys: "
                        + "give it a lower_snake_case name.");
            }
            Entry<T> previous = entries.get(name);
            if (previous != null) {
                throw new PluginException("Two " + kind.plural() + " are named '" + name + "': "
                        + previous.instance().getClass().getName() + " (from " + previous.source()
                        + ") and " + instance.getClass().getName() + " (from " + source + "). "
                        + "Names must be unique: remove one of them (its jar from the class path, or "
                        + "its Guice binding) or rename one.");
            }
            entries.put(name, new Entry<>(instance, source));
            return this;
        }

        public PluginCatalog<T> build() {
            return new PluginCatalog<>(kind, entries);
        }
    }
}
