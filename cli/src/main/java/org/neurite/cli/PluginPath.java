package org.neurite.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the command line looks for plugin jars, in order: each {@code --plugins DIR} (a folder
 * of jars, or one jar), each folder in the {@code NEURITE_PLUGINS} environment variable
 * (separated like a class path), and the {@code plugins/} folder of the installation. Every
 * {@code .jar} found is put on one {@link URLClassLoader} whose parent sees the built-in
 * plugins, and that loader is what discovery searches.
 */
public final class PluginPath {
    /** The environment variable with more plugin folders. */
    public static final String ENVIRONMENT = "NEURITE_PLUGINS";
    /** The system property the launcher sets to the installation's directory. */
    public static final String HOME_PROPERTY = "neurite.home";

    /**
     * One place searched.
     *
     * @param path   the folder (or jar) searched
     * @param origin how it was given: {@code --plugins}, {@code NEURITE_PLUGINS} or
     *               {@code installation}
     * @param jars   the jars found there, sorted
     * @param exists whether the path exists
     */
    public record Location(Path path, String origin, List<Path> jars, boolean exists) {
        /** The location as one line: path, origin and what was found. */
        public String describe() {
            String found = !exists ? "does not exist" : jars.size() + (jars.size() == 1 ? " jar" : " jars");
            return path + " (" + origin + "): " + found;
        }
    }

    private final List<Location> locations;

    private PluginPath(List<Location> locations) {
        this.locations = List.copyOf(locations);
    }

    /**
     * The locations for these options, this environment variable value and this installation.
     *
     * @param options     the {@code --plugins} values, in order
     * @param environment the value of {@code NEURITE_PLUGINS}, or {@code null}
     * @param home        the installation directory, or {@code null}
     * @throws UsageException if a {@code --plugins} path does not exist or is neither a folder
     *                        nor a jar
     */
    public static PluginPath of(List<Path> options, String environment, Path home) {
        List<Location> all = new ArrayList<>();
        for (Path p : options) {
            if (!Files.exists(p)) {
                throw new UsageException("--plugins " + p + " does not exist; give a folder of plugin jars or a jar");
            }
            if (!Files.isDirectory(p) && !isJar(p)) {
                throw new UsageException("--plugins " + p + " is neither a folder nor a .jar file");
            }
            all.add(locate(p, "--plugins"));
        }
        if (environment != null && !environment.isBlank()) {
            for (String part : environment.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    all.add(locate(Path.of(part.trim()), ENVIRONMENT));
                }
            }
        }
        if (home != null) {
            all.add(locate(home.resolve("plugins"), "installation"));
        }
        return new PluginPath(all);
    }

    /** The locations for these options, the process's environment and the launcher's home. */
    public static PluginPath fromEnvironment(List<Path> options) {
        String home = System.getProperty(HOME_PROPERTY);
        return of(options, System.getenv(ENVIRONMENT), home == null || home.isBlank() ? null : Path.of(home));
    }

    private static Location locate(Path path, String origin) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            return new Location(p, origin, List.of(), false);
        }
        if (!Files.isDirectory(p)) {
            return new Location(p, origin, isJar(p) ? List.of(p) : List.of(), true);
        }
        try (Stream<Path> files = Files.list(p)) {
            return new Location(p, origin, files.filter(f -> Files.isRegularFile(f) && isJar(f)).sorted().toList(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin folder " + p + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** Every place searched, in order. */
    public List<Location> locations() {
        return locations;
    }

    /** Every jar found, in search order. */
    public List<Path> jars() {
        return locations.stream().flatMap(l -> l.jars().stream()).distinct().toList();
    }

    /**
     * A class loader over {@link #jars()} with {@code parent} behind them, or {@code parent}
     * itself when no jar was found.
     */
    public ClassLoader loader(ClassLoader parent) {
        List<Path> jars = jars();
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new URLClassLoader("neurite-plugins", urls, parent);
    }

    /** The location that holds {@code source} (a jar path as discovery reports it), or {@code null}. */
    public Location locationOf(String source) {
        for (Location l : locations) {
            for (Path jar : l.jars()) {
                if (source.contains(jar.toString())) {
                    return l;
                }
            }
        }
        return null;
    }

    /** Where plugin jars were searched, one location per line, for error messages. */
    public String describe() {
        if (locations.isEmpty()) {
            return "Plugin jars were searched nowhere: give --plugins DIR, set " + ENVIRONMENT
                    + ", or put jars in the installation's plugins folder.";
        }
        return "Plugin jars were searched in:" + System.lineSeparator() + locations.stream()
                .map(l -> "  " + l.describe()).collect(Collectors.joining(System.lineSeparator()));
    }
}
