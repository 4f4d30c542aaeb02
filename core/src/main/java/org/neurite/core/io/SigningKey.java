package org.neurite.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret key that signs model files with HMAC-SHA256, so that a file altered by anyone who
 * does not hold the key is refused. The checksums inside a model file catch damage; only a
 * signature catches tampering.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromFile(Path.of("/etc/neurite/model.key"));  // 32+ secret bytes
 * model.save(Path.of("model.neurite"), key);
 * Model again = Model.load(Path.of("model.neurite"), assembler, key);  // refuses unsigned files
 * }</pre>
 *
 * <p>The key itself is never written anywhere: a signed file records only the key's
 * {@link #id()}, a hash that names the key without revealing it. Immutable and thread-safe;
 * {@link #toString()} shows the id, never the secret.
 */
public final class SigningKey {
    /** The fewest secret bytes accepted: the HMAC-SHA256 block of security, 256 bits. */
    public static final int MIN_BYTES = 32;
    /** The most bytes {@link #fromFile} reads. */
    public static final int MAX_BYTES = 1024;
    static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String id;

    private SigningKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a signing key needs at least " + MIN_BYTES + " secret bytes, "
                    + "got " + secret.length + "; generate one with, for example, "
                    + "'head -c 32 /dev/urandom > model.key'");
        }
        this.secret = secret.clone();
        this.id = HexFormat.of().formatHex(digest("neurite-signing-key-id\n", secret), 0, 8);
    }

    /** A key of the given secret bytes (copied), at least {@link #MIN_BYTES} of them. */
    public static SigningKey of(byte[] secret) {
        return new SigningKey(Objects.requireNonNull(secret, "secret"));
    }

    /**
     * The key held in {@code file}: its bytes, at least {@link #MIN_BYTES} and at most
     * {@link #MAX_BYTES}, with one trailing newline removed (so a key written with
     * {@code echo} works). Keep the file readable only by the accounts that save and load
     * models.
     *
     * @throws IllegalArgumentException if the file is too short or too long to be a key
     * @throws UncheckedIOException     if it cannot be read
     */
    public static SigningKey fromFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("there is no signing key file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file + ": " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the signing key file " + file + " holds more than " + MAX_BYTES
                    + " bytes; a key file holds only the secret (32 to " + MAX_BYTES + " bytes)");
        }
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\n') {
            n--;
        }
        try {
            return new SigningKey(Arrays.copyOf(bytes, n));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A short public name of this key: 16 hex digits of a hash of the secret. */
    public String id() {
        return id;
    }

    /** The HMAC-SHA256 of {@code message} under this key, lowercase hex. */
    String sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} (hex) is this key's signature of {@code message}, in constant time. */
    boolean verifies(byte[] message, String signature) {
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(String prefix, byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prefix.getBytes(StandardCharsets.US_ASCII));
            return sha.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** {@code SigningKey[id]}: never the secret. */
    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
