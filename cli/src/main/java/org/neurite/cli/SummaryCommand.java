package org.neurite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurite.core.model.Model;
import org.neurite.core.plugin.PluginUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code neurite summary CONFIG|MODEL}: the layers, shapes and parameter counts. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints the layers, output shapes and parameter counts of a configuration or a saved "
                + "model; for a model also its seed, the epochs it was trained, its last logged figures and "
                + "the plugins it uses with the jar each came from.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG|MODEL", description = "A configuration (YAML or JSON) or a model file.")
    Path file;

    @Mixin
    CommonOptions common;

    private final PrintStream out;

    SummaryCommand() {
        this(System.out);
    }

    SummaryCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLines.checkInputFile(file, "the file");
        Session session = Session.open(common);
        if (isZip(file)) {
            Model model = Models.load(session, file);
            out.println(model.network().summary());
            print(out, model);
        } else {
            Model model = session.assembler().assemble(session.reader().read(file));
            out.println(model.network().summary());
        }
        return CommandLines.OK;
    }

    /** The facts of a model file beyond its layers. */
    static void print(PrintStream out, Model model) {
        out.printf(Locale.ROOT, "Seed %d, trained %d epochs%n", model.seed(), model.history().epochs());
        if (model.history().epochs() > 0) {
            StringBuilder line = new StringBuilder("Last epoch:");
            model.history().asMap().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.4f", k,
                    v.get(v.size() - 1))));
            out.println(line);
        }
        out.println("Plugins:");
        model.plugins().stream().sorted(Comparator.comparing(PluginUse::kind).thenComparing(PluginUse::name))
                .forEach(p -> out.printf(Locale.ROOT, "  %-12s %-28s %s%n", p.kind(), p.name(), p.source()));
    }

    static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
