package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.PLUGINS;
import static org.neurite.core.io.ModelFixtures.assertContains;
import static org.neurite.core.io.ModelFixtures.assertSameState;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.train;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;

class ModelFilesAtomicWriteTest {
    @TempDir
    Path dir;

    /** Passes bytes through until {@code limit} have been written, then fails like a full disk. */
    private static OutputStream failingAfter(OutputStream out, long limit) {
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > limit) {
                    throw new IOException("No space left on device");
                }
                written += len;
                out.write(b, off, len);
            }
        };
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aSaveThatFailsMidWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("m.neurite");
        Model previous = model();
        train(previous, 1);
        previous.save(file);
        byte[] before = Files.readAllBytes(file);
        Model next = model();
        train(next, 3);

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ModelFiles.save(next, file, out -> failingAfter(out, before.length / 2)));

        assertContains(e.getMessage(), "cannot save " + file, "No space left on device",
                "The previous file, if any, is unchanged.");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), files());
        assertSameState(previous, Model.load(file, ASSEMBLER));
    }

    @Test
    void aFirstSaveThatFailsMidWriteLeavesNoFileAtAll() throws Exception {
        Path file = dir.resolve("m.neurite");

        assertThrows(UncheckedIOException.class, () -> ModelFiles.save(model(), file, out -> failingAfter(out, 500)));

        assertEquals(List.of(), files());
    }

    @Test
    void aLayerNameThatCannotBeAnEntryNameIsRefusedWhenReadAndAgainBeforeAnythingIsWritten() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigReader(PLUGINS).parse(
                ModelFixtures.YAML.replace("units: 4,", "units: 4, name: '..',"), "test.yaml"));
        assertContains(e.getMessage(), "layers[0].name: the layer name '..' is not accepted");

        // Networks built in code never pass the reader: saving checks every entry name again.
        IllegalArgumentException save = assertThrows(IllegalArgumentException.class, () -> EntryNames.check("../kernel"));
        assertContains(save.getMessage(), "cannot save the array '../kernel'", "'..' segments", "Rename the layer");
    }
}
