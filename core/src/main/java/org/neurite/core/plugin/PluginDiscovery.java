package org.neurite.core.plugin;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that reads {@link ServiceLoader} for plugins. */
final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    static Plugins discover(ClassLoader loader) {
        List<String> failures = new ArrayList<>();
        PluginCatalog<Activation> activations = discover(PluginKind.ACTIVATION, loader, failures);
        PluginCatalog<Loss> losses = discover(PluginKind.LOSS, loader, failures);
        PluginCatalog<Optimizer> optimizers = discover(PluginKind.OPTIMIZER, loader, failures);
        PluginCatalog<Initializer> initializers = discover(PluginKind.INITIALIZER, loader, failures);
        return new Plugins(activations, losses, optimizers, initializers, failures);
    }

    static <T extends Component> PluginCatalog<T> discover(PluginKind<T> kind, ClassLoader loader,
                                                           List<String> failures) {
        PluginCatalog.Builder<T> builder = PluginCatalog.builder(kind);
        Iterator<ServiceLoader.Provider<T>> providers =
                ServiceLoader.load(kind.type(), loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // The iterator skips the broken entry and carries on with the next one.
                String article = "aeiou".indexOf(kind.label().charAt(0)) >= 0 ? "An " : "A ";
                fail(failures, article + kind.label() + " provider listed in META-INF/services/"
                        + kind.type().getName() + " could not be loaded: " + describe(e), e);
                continue;
            }
            String source = "?";
            try {
                source = sourceOf(provider.type());
                T instance = provider.get();
                builder.add(instance, source);
            } catch (PluginException e) {
                throw e;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                fail(failures, "The " + kind.label() + " provider " + provider.type().getName()
                        + " (from " + source + ") could not be created: " + describe(e)
                        + ". It is left out; the other plugins are unaffected.", e);
            }
        }
        PluginCatalog<T> catalog = builder.build();
        LOG.info("Discovered {} {}: {}", catalog.names().size(), kind.plural(),
                catalog.entries().entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue().instance().getClass().getName()
                                + " in " + shortSource(e.getValue().source()) + ")")
                        .collect(Collectors.joining(", ")));
        return catalog;
    }

    private static void fail(List<String> failures, String message, Throwable cause) {
        failures.add(message);
        LOG.warn(message, cause);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getMessage() + " (caused by " + root + ")";
    }

    /** The jar or directory a class was loaded from. */
    static String sourceOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        if (location == null) {
            return "the system class path";
        }
        try {
            return "file".equals(location.getProtocol()) ? Path.of(location.toURI()).toString()
                    : location.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }

    private static String shortSource(String source) {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }
}
