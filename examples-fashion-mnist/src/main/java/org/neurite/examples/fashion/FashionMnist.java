package org.neurite.examples.fashion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.neurite.cli.UsageException;
import org.neurite.core.config.DataSpec;

/** What the example knows about Fashion-MNIST: its class names and where Debian installs it. */
final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package puts the four IDX files. */
    static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** The Debian package that holds the data. */
    static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    /** The ten classes, in label order 0 to 9. */
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /**
     * Fails (exit code 2) with the install hint unless every file of {@code spec} exists (checked up front, so
     * a missing file is one clear message, not a stack trace halfway through loading).
     */
    static void requireFiles(DataSpec spec) {
        List<Path> missing = spec.files().stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String names = spec.files().stream().map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", "));
        throw new UsageException("the Fashion-MNIST data are missing: "
                + missing.stream().map(Path::toString).collect(Collectors.joining(", ")) + " not found."
                + System.lineSeparator() + "Install Debian's " + DEBIAN_PACKAGE + " package, which puts them in "
                + DEBIAN_DIRECTORY + ":" + System.lineSeparator()
                + "    sudo apt-get install " + DEBIAN_PACKAGE + System.lineSeparator()
                + "or pass a directory that holds " + names + " with --data DIR.");
    }
}
