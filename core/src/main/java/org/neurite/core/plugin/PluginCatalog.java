package org.neurite.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * <p>Two plugins may share a name (two jars on the class path providing {@code relu}): the
 * catalog keeps both, and only using that name is an error, whose message names both providers
 * and says how to choose one. A plugin can always be chosen by its class name instead of its
 * name ({@code activation: com.example.FastRelu}).
 *
 * @param <T> the service interface
 */
public final class PluginCatalog<T extends Component> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final PluginKind<T> kind;
    private final Map<String, List<Entry<T>>> byName;

    /**
     * A discovered or bound plugin and where it came from.
     *
     * @param instance the shared, default-configured instance
     * @param source   the jar or directory it was loaded from, or how it was bound
     */
    public record Entry<T extends Component>(T instance, String source) {
        public Entry {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(source, "source");
        }

        /** The plugin's name, its configuration key. */
        public String name() {
            return instance.name();
        }

        /** The implementing class's name, which also selects it in configurations. */
        public String className() {
            return instance.getClass().getName();
        }
    }

    private PluginCatalog(PluginKind<T> kind, Map<String, List<Entry<T>>> byName) {
        this.kind = kind;
        Map<String, List<Entry<T>>> sorted = new TreeMap<>();
        byName.forEach((name, list) -> sorted.put(name, List.copyOf(list)));
        this.byName = java.util.Collections.unmodifiableMap(sorted);
    }

    /** A builder for a catalog of {@code kind}. */
    public static <T extends Component> Builder<T> builder(PluginKind<T> kind) {
        return new Builder<>(kind);
    }

    /** The kind of plugins in this catalog. */
    public PluginKind<T> kind() {
        return kind;
    }

    /** The available names, sorted (a name two plugins share is listed once). */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Every entry, sorted by name, then class. */
    public List<Entry<T>> entries() {
        List<Entry<T>> all = new ArrayList<>();
        byName.values().forEach(all::addAll);
        return all;
    }

    /** {@code true} if a plugin of this name (or, for a qualified name, this class) exists. */
    public boolean contains(String name) {
        return byName.containsKey(name) || byClass(name) != null;
    }

    /** {@code true} if two or more plugins share {@code name}. */
    public boolean isAmbiguous(String name) {
        List<Entry<T>> list = byName.get(name);
        return list != null && list.size() > 1;
    }

    /**
     * One message per name that two or more plugins share, naming each with its source; empty
     * when every name is unique.
     */
    public List<String> ambiguities() {
        return byName.values().stream().filter(list -> list.size() > 1)
                .map(this::ambiguity).collect(Collectors.toList());
    }

    /**
     * The shared instance named {@code name} (or of the class {@code name}), with default
     * hyperparameters.
     *
     * @throws PluginException if no plugin has that name, or two do
     */
    public T get(String name) {
        return entry(name).instance();
    }

    /** Where the plugin named {@code name} came from (its jar or directory). */
    public String source(String name) {
        return entry(name).source();
    }

    /**
     * The one entry for {@code name}: a plugin's name, or the fully qualified name of its class.
     *
     * @throws PluginException if no plugin has that name, or two do (the message says how to
     *                         choose)
     */
    public Entry<T> entry(String name) {
        List<Entry<T>> list = byName.get(name);
        if (list != null) {
            if (list.size() > 1) {
                throw new PluginException(ambiguity(list));
            }
            return list.get(0);
        }
        Entry<T> byClass = byClass(name);
        if (byClass == null) {
            throw new PluginException(unknownName(name));
        }
        return byClass;
    }

    /**
     * Validates {@code hyperparameters} against the declarations of plugin {@code name} and
     * fills in defaults.
     *
     * @throws PluginException         if no plugin has that name, or two do
     * @throws HyperparameterException if a key is unknown or a value has the wrong type or range
     */
    public Hyperparameters resolve(String name, Map<String, ?> hyperparameters) {
        T plugin = get(name);
        return Hyperparameters.resolve(kind.label() + " '" + plugin.name() + "'",
                plugin.hyperparameters(), hyperparameters);
    }

    /**
     * The plugin named {@code name} configured with {@code hyperparameters} (defaults for
     * absent keys).
     *
     * @throws PluginException         if no plugin has that name, or two do
     * @throws HyperparameterException if a key is unknown or a value has the wrong type or range
     */
    public T create(String name, Map<String, ?> hyperparameters) {
        return configure(name, resolve(name, hyperparameters));
    }

    /** The plugin named {@code name} configured with already validated {@code values}. */
    public T configure(String name, Hyperparameters values) {
        T plugin = get(name);
        return values.asMap().isEmpty() ? plugin : kind.configure(plugin, values);
    }

    private Entry<T> byClass(String className) {
        if (className == null || className.indexOf('.') < 0) {
            return null;
        }
        for (List<Entry<T>> list : byName.values()) {
            for (Entry<T> e : list) {
                if (e.className().equals(className)) {
                    return e;
                }
            }
        }
        return null;
    }

    private String ambiguity(List<Entry<T>> list) {
        String name = list.get(0).name();
        return list.size() + " " + kind.plural() + " are named '" + name + "': "
                + list.stream().map(e -> e.className() + " (from " + e.source() + ")")
                        .collect(Collectors.joining(" and ")) + ". "
                + "Choose one by its class name instead of '" + name + "' (for example "
                + list.get(list.size() - 1).className() + "), or remove the other from the class path.";
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

    /** Collects entries; several with one name are kept (see {@link PluginCatalog}). */
    public static final class Builder<T extends Component> {
        private final PluginKind<T> kind;
        private final Map<String, List<Entry<T>>> byName = new TreeMap<>();

        private Builder(PluginKind<T> kind) {
            this.kind = kind;
        }

        /**
         * Adds {@code instance} under its {@link Component#name()}.
         *
         * @throws PluginException if the name is not lower_snake_case, or this very class is
         *                         already in the catalog under that name
         */
        public Builder<T> add(T instance, String source) {
            String name = instance.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new PluginException("The " + kind.label() + " " + instance.getClass().getName()
                        + " (from " + source + ") has the name '" + name + "', which is not "
                        + "lower_snake_case (like 'leaky_relu'). Plugin names are config keys: "
                        + "give it a lower_snake_case name.");
            }
            List<Entry<T>> list = byName.computeIfAbsent(name, k -> new ArrayList<>());
            list.add(new Entry<>(instance, source));
            list.sort(Comparator.comparing(Entry::className));
            return this;
        }

        public PluginCatalog<T> build() {
            return new PluginCatalog<>(kind, byName);
        }
    }

}
