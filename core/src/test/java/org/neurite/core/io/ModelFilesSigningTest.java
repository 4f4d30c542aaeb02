package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.assertContains;
import static org.neurite.core.io.ModelFixtures.assertSameState;
import static org.neurite.core.io.ModelFixtures.entries;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.train;
import static org.neurite.core.io.ModelFixtures.writeZip;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;

/** Signed model files: HMAC-SHA256 with a key given at save and at load. */
class ModelFilesSigningTest {
    private static final SigningKey KEY = SigningKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final SigningKey OTHER = SigningKey.of(new byte[32]);

    @TempDir
    Path dir;
    Path file;
    Model saved;

    @BeforeEach
    void saveASignedModel() {
        saved = model();
        train(saved, 1);
        file = dir.resolve("m.neurite");
        ModelFiles.save(saved, file, KEY);
    }

    @Test
    void aSignedFileLoadsWithItsKeyAndWithoutOne() {
        assertSameState(saved, Model.load(file, ASSEMBLER, KEY));
        assertSameState(saved, Model.load(file, ASSEMBLER));
    }

    @Test
    void theSignatureIsAnIndependentlyComputedHmacOfTheChecksumLine() throws Exception {
        Map<String, byte[]> entries = entries(file);
        String line = new String(entries.get(ModelArchive.SIGNATURE), StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        mac.update("neurite-model-signature-v1\n".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(mac.doFinal(entries.get(ModelArchive.CHECKSUM)));
        assertEquals("hmac-sha256 " + KEY.id() + " " + expected + "\n", line);
        assertFalse(line.contains("0123456789abcdef0123456789abcdef"), "the key is never written");
    }

    @Test
    void anUnsignedFileIsRefusedWhenAKeyIsRequired() {
        ModelFiles.save(saved, file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.load(file, ASSEMBLER, KEY));
        assertContains(e.getMessage(), file + ": the file is not signed, and a signing key was given");
    }

    @Test
    void aFileSignedWithAnotherKeyIsRefusedNamingBothKeyIds() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.load(file, ASSEMBLER, OTHER));
        assertContains(e.getMessage(), "signature.hmac-sha256: the file is signed with the key " + KEY.id()
                + ", not with the key given (" + OTHER.id() + ")");
    }

    @Test
    void aFileAlteredAndResealedWithoutTheKeyIsRefused() throws Exception {
        // The attacker changes a weight and recomputes every checksum, but cannot sign.
        Map<String, byte[]> entries = entries(file);
        byte[] signature = entries.remove(ModelArchive.SIGNATURE);
        entries.remove(ModelArchive.CHECKSUM);
        String kernel = "parameters/dense_1/kernel.npy";
        byte[] npy = entries.get(kernel);
        npy[npy.length - 1] ^= 0x40;
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode metadata = (ObjectNode) mapper.readTree(entries.get(ModelArchive.METADATA));
        ((ObjectNode) metadata.get("sha256")).put(kernel, ModelArchive.sha256(npy));
        byte[] json = mapper.writeValueAsBytes(metadata);
        entries.put(ModelArchive.METADATA, json);
        entries.put(ModelArchive.CHECKSUM, (ModelArchive.sha256(json) + "  metadata.json\n").getBytes(StandardCharsets.US_ASCII));
        entries.put(ModelArchive.SIGNATURE, signature);
        writeZip(file, entries);

        assertSameState(Model.load(file, ASSEMBLER), Model.load(file, ASSEMBLER)); // consistent, unsigned view
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Model.load(file, ASSEMBLER, KEY));
        assertContains(e.getMessage(), "the signature does not match the file's content");
    }

    @Test
    void keysAreAtLeast32BytesAndNeverShownInText() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningKey.of(new byte[31]));
        assertContains(e.getMessage(), "at least 32 secret bytes, got 31");
        Path keyFile = dir.resolve("model.key");
        Files.write(keyFile, ("0123456789abcdef0123456789abcdef" + "\n").getBytes(StandardCharsets.US_ASCII));
        SigningKey fromFile = SigningKey.fromFile(keyFile);
        assertEquals(KEY.id(), fromFile.id(), "one trailing newline is not part of the key");
        assertEquals("SigningKey[" + KEY.id() + "]", KEY.toString());
        Files.write(keyFile, new byte[2000]);
        assertContains(assertThrows(IllegalArgumentException.class, () -> SigningKey.fromFile(keyFile)).getMessage(),
                "holds more than 1024 bytes");
        assertTrue(!Arrays.equals(KEY.id().getBytes(StandardCharsets.US_ASCII), OTHER.id().getBytes(StandardCharsets.US_ASCII)));
    }
}
