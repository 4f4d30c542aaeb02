package org.neurite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every {@code neurite} subcommand takes: plugin folders and the log level. */
final class CommonOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars (or one jar) to search; repeatable. Also searched: the folders in "
                    + "NEURITE_PLUGINS and the installation's plugins folder.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Logging on standard error: error, warn (default), info or debug (discovery details).")
    String logLevel;
}
