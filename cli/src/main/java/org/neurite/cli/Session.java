package org.neurite.cli;

import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;

/**
 * What one command works with: the plugin search path, the plugins discovered through it, and
 * the reader and assembler built on them.
 */
final class Session {
    private final PluginPath path;
    private final Plugins plugins;
    private final ClassLoader loader;

    private Session(PluginPath path, Plugins plugins, ClassLoader loader) {
        this.path = path;
        this.plugins = plugins;
        this.loader = loader;
    }

    /** Searches the plugin locations of {@code options} and discovers what they hold. */
    static Session open(CommonOptions options) {
        PluginPath path = PluginPath.fromEnvironment(options.plugins);
        Neurite.searched(path);
        ClassLoader loader = path.loader(Session.class.getClassLoader());
        return new Session(path, Plugins.discover(loader), loader);
    }

    PluginPath path() {
        return path;
    }

    /** The class loader the plugins were found with (the class path and the plugin jars). */
    ClassLoader loader() {
        return loader;
    }

    Plugins plugins() {
        return plugins;
    }

    ConfigReader reader() {
        return new ConfigReader(plugins);
    }

    ModelAssembler assembler() {
        return new ModelAssembler(plugins);
    }
}
