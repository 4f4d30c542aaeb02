package org.neurite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.neurite.core.config.ConfigException;
import org.neurite.core.data.DataFormatException;
import org.neurite.core.io.ModelFormatException;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.spi.HyperparameterException;
import picocli.CommandLine;

/**
 * The plumbing every Neurite program on the command line shares: one exit-code policy, embedded
 * resources, and output paths checked before any work starts.
 *
 * <p>Exit codes: {@value #OK} success; {@value #USAGE} every usage, configuration or data error
 * (a bad option, a configuration the reader refuses, an unknown plugin name, a malformed data or
 * model file, a missing input, an output path that cannot be written); {@value #SOFTWARE}
 * anything else.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(CommandLines.execute(new MyCommand(), args, System.out, System.err));
 * }
 * }</pre>
 */
public final class CommandLines {
    /** Success. */
    public static final int OK = 0;
    /** Anything that is not the user's mistake. */
    public static final int SOFTWARE = 1;
    /** A usage, configuration or data error. */
    public static final int USAGE = 2;

    private CommandLines() {
    }

    /**
     * Parses {@code args} for {@code command} (a picocli command), runs it and returns its exit
     * code; errors are printed as one {@code error: ...} message on {@code err}.
     */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return execute(new CommandLine(command), args, out, err, e -> null);
    }

    /**
     * Like {@link #execute(Object, String[], PrintStream, PrintStream)} for a prepared command
     * line; {@code explain} may add to an error's message (where plugins were searched, say).
     */
    public static int execute(CommandLine cli, String[] args, PrintStream out, PrintStream err,
                              Function<Throwable, String> explain) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            String extra = explain.apply(e);
            err.println("error: " + message + (extra == null || extra.isEmpty() ? "" : System.lineSeparator() + extra));
            int code = exitCode(e);
            if (code == SOFTWARE) {
                e.printStackTrace(err);
            }
            return code;
        });
        return cli.execute(args);
    }

    /** {@value #USAGE} for the user's mistakes (see the class comment), {@value #SOFTWARE} otherwise. */
    public static int exitCode(Throwable e) {
        if (e instanceof UsageException || e instanceof ConfigException || e instanceof CommandLine.ParameterException
                || e instanceof DataFormatException || e instanceof ModelFormatException
                || e instanceof PluginException || e instanceof HyperparameterException) {
            return USAGE;
        }
        if (e instanceof UncheckedIOException u && (u.getCause() instanceof NoSuchFileException
                || u.getCause() instanceof AccessDeniedException)) {
            return USAGE;
        }
        return SOFTWARE;
    }

    /** The text of the resource {@code name} next to {@code owner}'s classes (UTF-8). */
    public static String embedded(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the embedded " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails at once unless {@code file} can be written later: it is not a directory, and its
     * directory exists and is writable.
     *
     * @param option the option that named it, for the message
     * @throws UsageException naming the option, the path and what is wrong
     */
    public static void checkOutputFile(Path file, String option) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory; give the name of a file to write");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + file + ": the directory " + dir + " does not exist; create it first");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new UsageException(option + " " + file + ": the directory " + dir + " is not writable");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException(option + " " + file + " exists and is not writable");
        }
    }

    /**
     * Fails at once unless {@code dir} is a writable directory or can be created in an existing
     * one.
     *
     * @param option the option that named it, for the message
     * @throws UsageException naming the option, the path and what is wrong
     */
    public static void checkOutputDirectory(Path dir, String option) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + " is a file; give a directory to write into");
        }
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw new UsageException(option + " " + dir + " is not writable");
            }
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + dir + ": its parent " + parent + " does not exist; create it first");
        }
    }

    /**
     * Fails unless {@code file} is a readable regular file.
     *
     * @param what what the file is, for the message ("the model", "--input")
     * @throws UsageException naming the path and what is wrong
     */
    public static void checkInputFile(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new UsageException(what + " " + file + " is a directory; give a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(what + " " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(what + " " + file + " is not readable");
        }
    }
}
