package org.neurite.cli;

/**
 * A subcommand that a jar on the class path adds to {@code neurite} (such as an
 * {@code import} or {@code export} for another model format), found with
 * {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.neurite.cli.SubcommandProvider}.
 */
public interface SubcommandProvider {
    /**
     * A new picocli command object (annotated with {@code @Command(name = ...)}), usually a
     * {@link java.util.concurrent.Callable} of its exit code; errors it throws get the exit
     * codes of {@link CommandLines#exitCode(Throwable)}.
     */
    Object command();
}
