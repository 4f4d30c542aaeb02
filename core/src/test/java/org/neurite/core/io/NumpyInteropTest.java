package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** Checks model files against numpy itself; skipped where python3 with numpy is not installed. */
class NumpyInteropTest {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, hashlib, numpy as np",
            "z = np.load(sys.argv[1])",
            "meta = json.loads(z['metadata.json'])",
            "print('format', meta['format_version'])",
            "for name, digest in meta['sha256'].items():",
            "    assert hashlib.sha256(z.zip.read(name)).hexdigest() == digest, name",
            "assert hashlib.sha256(z.zip.read('metadata.json')).hexdigest() + '  metadata.json\\n' "
                    + "== z.zip.read('checksum.sha256').decode()",
            "for key in meta['parameters'] + meta['optimizer_state']:",
            "    a = z[key[:-len('.npy')]]",
            "    assert a.flags['C_CONTIGUOUS']",
            "    print(key, a.dtype.str, ','.join(map(str, a.shape)), a.astype('<f4').tobytes().hex())");

    @TempDir
    Path dir;

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish in 60 s");
        }
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.add(0, "exit " + p.exitValue());
        return lines;
    }

    private static boolean numpyAvailable() {
        try {
            return run("python3", "-c", "import numpy").get(0).equals("exit 0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String hex(Matrix m) {
        ByteBuffer b = ByteBuffer.allocate(4 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : m.data()) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return HexFormat.of().formatHex(b.array());
    }

    @Test
    void numpyLoadsEveryArrayWithTheSavedShapesAndBitsAndVerifiesTheChecksums() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
        Model model = model();
        train(model, 2);
        Path file = dir.resolve("m.neurite");
        model.save(file);

        List<String> out = run("python3", "-c", SCRIPT, file.toString());

        assertEquals("exit 0", out.get(0), String.join("\n", out));
        assertEquals("format 1", out.get(1));
        List<String> expected = new ArrayList<>();
        for (Parameter p : model.network().parameters()) {
            expected.add(line("parameters/" + p.name(), p.value()));
        }
        for (Map.Entry<String, Matrix> e : model.trainer().updater().state().entrySet()) {
            expected.add(line("optimizer/" + e.getKey(), e.getValue()));
        }
        assertEquals(expected, out.subList(2, out.size()));
        assertTrue(expected.get(1).contains("<f4 4 "), "a bias is 1-D in numpy: " + expected.get(1));
    }

    private static String line(String name, Matrix m) {
        String shape = EntryNames.shape(name, m).length == 1 ? String.valueOf(m.cols()) : m.rows() + "," + m.cols();
        return name + ".npy <f4 " + shape + " " + hex(m);
    }
}
