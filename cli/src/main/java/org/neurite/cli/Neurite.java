package org.neurite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.neurite.core.internal.ServiceProviders;
import org.neurite.core.config.ConfigException;
import org.neurite.core.io.ModelFormatException;
import org.neurite.core.plugin.PluginException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code neurite} command: {@code train}, {@code evaluate}, {@code predict}, {@code summary},
 * {@code plugins}, {@code serve}, {@code import} and {@code export}, plus any subcommand a {@link SubcommandProvider} on the
 * class path adds.
 *
 * <p>Exit codes: 0 success, 2 a usage, configuration or data error, 1 anything else.
 */
@Command(name = "neurite", mixinStandardHelpOptions = true, versionProvider = Neurite.Version.class,
        description = "Trains, evaluates, serves and inspects Neurite models.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, SummaryCommand.class,
                PluginsCommand.class, ServeCommand.class, ImportCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 a usage, configuration or data error, 1 anything else."})
public final class Neurite implements Runnable {
    /** The slf4j-simple property holding the default log level. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    private static final ThreadLocal<PluginPath> SEARCHED = new ThreadLocal<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code neurite} with {@code args} and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String level = logLevel(args);
        if (level != null && !LEVELS.contains(level)) {
            err.println("error: --log-level must be one of " + String.join(", ", LEVELS) + ", got '" + level + "'");
            return CommandLines.USAGE;
        }
        if (level != null) {
            System.setProperty(LOG_LEVEL_PROPERTY, level);
        }
        SEARCHED.remove();
        try {
            return CommandLines.execute(commandLine(), args, out, err, Neurite::whereSearched);
        } finally {
            SEARCHED.remove();
        }
    }

    /** The command line with every built-in subcommand and those of the providers on the class path. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Neurite());
        for (ServiceProviders.Loaded<SubcommandProvider> provider : ServiceProviders.load(SubcommandProvider.class,
                Neurite.class.getClassLoader(), "subcommand", (message, cause) -> org.slf4j.LoggerFactory.getLogger(Neurite.class).warn("{}", message))) {
            cli.addSubcommand(provider.instance().command());
        }
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is missing: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Records where the running command searched for plugins, for its error messages. */
    static void searched(PluginPath path) {
        SEARCHED.set(path);
    }

    private static String whereSearched(Throwable e) {
        PluginPath path = SEARCHED.get();
        if (path == null) {
            return null;
        }
        String m = String.valueOf(e.getMessage());
        boolean aboutPlugins = e instanceof PluginException
                || (e instanceof ConfigException || e instanceof ModelFormatException)
                && (m.contains("Unknown") || m.contains("plugin"));
        return aboutPlugins ? path.describe() : null;
    }

    /** The value of the last {@code --log-level}, lower-cased, or {@code null}. */
    private static String logLevel(String[] args) {
        String level = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-level") && i + 1 < args.length) {
                level = args[i + 1];
            } else if (args[i].startsWith("--log-level=")) {
                level = args[i].substring("--log-level=".length());
            }
        }
        return level == null ? null : level.toLowerCase(Locale.ROOT);
    }

    /** The version, from the build. */
    static String version() {
        try (InputStream in = Neurite.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints {@code neurite VERSION} and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"neurite " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
