package org.neurite.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.neurite.core.internal.ServiceProviders;
import org.neurite.core.spi.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds one catalog per {@link PluginKind} from what {@link ServiceProviders} finds. */
final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    static Plugins discover(ClassLoader loader) {
        List<String> failures = new ArrayList<>();
        List<PluginCatalog<?>> catalogs = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            catalogs.add(discover(kind, loader, failures));
        }
        return new Plugins(catalogs, failures);
    }

    private static <T extends Component> PluginCatalog<T> discover(PluginKind<T> kind, ClassLoader loader,
                                                                   List<String> failures) {
        PluginCatalog.Builder<T> builder = PluginCatalog.builder(kind);
        for (ServiceProviders.Loaded<T> loaded : ServiceProviders.load(kind.type(), loader, kind.label(),
                (message, cause) -> {
                    failures.add(message);
                    LOG.warn(message);
                    LOG.debug("Cause", cause);
                })) {
            builder.add(loaded.instance(), loaded.source());
        }
        PluginCatalog<T> catalog = builder.build();
        for (String ambiguity : catalog.ambiguities()) {
            LOG.warn(ambiguity);
        }
        LOG.debug("Discovered {} {}: {}", catalog.entries().size(), kind.plural(),
                catalog.entries().stream()
                        .map(e -> e.name() + " (" + e.className() + " in " + shortSource(e.source()) + ")")
                        .collect(Collectors.joining(", ")));
        return catalog;
    }


    private static String shortSource(String source) {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }
}
