package org.neurite.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code neurite plugins}: every plugin by kind, with the jar it came from, and where jars were searched. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every discovered plugin by kind with the jar it came from, then the folders searched "
                + "for plugin jars (--plugins, NEURITE_PLUGINS, the installation's plugins folder) and what each held.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintStream out;

    PluginsCommand() {
        this(System.out);
    }

    PluginsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Session session = Session.open(common);
        Plugins plugins = session.plugins();
        for (PluginKind<?> kind : PluginKind.ALL) {
            PluginCatalog<?> catalog = plugins.catalog(kind);
            out.printf(Locale.ROOT, "%s (%d):%n", kind.plural(), catalog.names().size());
            for (PluginCatalog.Entry<?> e : catalog.entries()) {
                String source = e.source();
                PluginPath.Location from = session.path().locationOf(source);
                out.printf(Locale.ROOT, "  %-20s %s%s%n", e.name(), source,
                        from == null ? "" : "  [" + from.origin() + "]");
            }
        }
        for (String ambiguity : ambiguities(plugins)) {
            out.println(ambiguity);
        }
        for (String failure : plugins.loadFailures()) {
            out.println("failed to load: " + failure);
        }
        out.println();
        out.println(session.path().describe());
        return CommandLines.OK;
    }

    private static java.util.List<String> ambiguities(Plugins plugins) {
        return PluginKind.ALL.stream().flatMap(k -> plugins.catalog(k).ambiguities().stream()).toList();
    }
}
