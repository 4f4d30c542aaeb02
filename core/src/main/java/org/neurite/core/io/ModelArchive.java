package org.neurite.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.neurite.core.internal.Names;

/**
 * The container of a model file: an uncompressed (STORED) zip archive whose entries are
 * covered by SHA-256 checksums. {@code metadata.json} lists the SHA-256 of every other content
 * entry; the last entry, {@code checksum.sha256}, holds the SHA-256 of {@code metadata.json}
 * in {@code sha256sum} format, so an altered byte anywhere in any entry is detected.
 *
 * <p>Reading parses the archive from its central directory (as numpy and {@code unzip} do) and
 * checks the structure, every entry's CRC-32 and the final checksum. Stateless.
 */
final class ModelArchive implements AutoCloseable {
    static final String METADATA = "metadata.json";
    static final String CHECKSUM = "checksum.sha256";

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_SIZE = 22;
    /** The most entries a model file may hold (zip without ZIP64 allows 65535). */
    static final int MAX_ENTRIES = 0xFFFE;
    /** The largest central directory read: every entry with a name of up to 200 bytes. */
    static final int MAX_DIRECTORY = MAX_ENTRIES * (46 + 200);
    static final String SIGNATURE = "signature.hmac-sha256";
    private static final String DAMAGED = "The file changed after it was saved (a bad copy, a "
            + "disk error or an edit): restore it from a backup or save the model again.";

    /**
     * Writes {@code entries} in order as STORED zip entries, then {@code checksum.sha256} over
     * the {@code metadata.json} entry, and finishes the archive (without closing {@code out}).
     */
    static void write(OutputStream out, Map<String, byte[]> entries, long time) throws IOException {
        write(out, entries, time, null);
    }

    /**
     * {@link #write(OutputStream, Map, long)}, then, if {@code key} is not {@code null}, the
     * entry {@code signature.hmac-sha256}: {@code hmac-sha256 <key id> <hex HMAC>} over
     * {@link #signedMessage} of the checksum line.
     */
    static void write(OutputStream out, Map<String, byte[]> entries, long time, SigningKey key) throws IOException {
        byte[] metadata = entries.get(METADATA);
        if (metadata == null) {
            throw new IllegalArgumentException("a model archive needs a " + METADATA + " entry");
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            put(zip, e.getKey(), e.getValue(), time);
        }
        byte[] checksum = checksumLine(metadata).getBytes(StandardCharsets.US_ASCII);
        put(zip, CHECKSUM, checksum, time);
        if (key != null) {
            String line = "hmac-sha256 " + key.id() + " " + key.sign(signedMessage(checksum)) + "\n";
            put(zip, SIGNATURE, line.getBytes(StandardCharsets.US_ASCII), time);
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc(data, 0, data.length));
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static String checksumLine(byte[] metadata) {
        return sha256(metadata) + "  " + METADATA + "\n";
    }

    /** The lowercase hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /** Where one entry's data lies in the file, and what its central directory record says. */
    private record Entry(String name, long crc, long size, long dataStart) {
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries;
    private final Map<String, String> sha256 = new LinkedHashMap<>();

    private ModelArchive(Path file, FileChannel channel, Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    /**
     * Opens the model file {@code file} for reading: it must be a regular file (a symbolic link
     * to one is followed; a directory, device, FIFO or socket is refused before it is opened).
     * Reads the zip end record and central directory, checks every local header and every
     * entry's CRC-32 by streaming through it, without holding any entry in memory.
     *
     * @throws ModelFormatException  if the file is not a model archive or is damaged
     * @throws UncheckedIOException  if it cannot be read
     */
    static ModelArchive open(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("there is no model file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e, e);
        }
        if (attributes.isDirectory()) {
            throw new ModelFormatException(file, "", "this is a directory, not a model file. Model files are "
                    + "single files written by Model.save or ModelFiles.save.");
        }
        if (!attributes.isRegularFile()) {
            throw new ModelFormatException(file, "", "this is not a regular file (it is a device, a FIFO, a "
                    + "socket or another special file); model files are regular files written by Model.save "
                    + "or ModelFiles.save.");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e, e);
        }
        try {
            ModelArchive archive = new ModelArchive(file, channel, directory(file, channel));
            archive.checkEntries();
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, RuntimeException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the model file " + file, e);
        }
    }

    /** Reads {@code length} bytes at {@code position}, or fewer at the end of the file. */
    private static byte[] readAt(Path file, FileChannel channel, long position, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e, e);
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static long size(Path file, FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e, e);
        }
    }

    /** The entries listed in the central directory, checked against their local headers. */
    private static Map<String, Entry> directory(Path file, FileChannel channel) {
        long length = size(file, channel);
        byte[] start = readAt(file, channel, 0, 4);
        if (start.length < 4 || le(start).getInt(0) != LOCAL_HEADER) {
            String hex = HexFormat.ofDelimiter(" ").formatHex(start);
            throw new ModelFormatException(file, "", "not a Neurite model file: it is not a zip archive "
                    + (length == 0 ? "(it is empty)" : "(it starts with bytes " + hex + ", not PK\\3\\4)")
                    + ". Model files are written by Model.save or ModelFiles.save.");
        }
        int tailLength = (int) Math.min(length, END_SIZE + 0xFFFF);
        long tailStart = length - tailLength;
        byte[] tail = readAt(file, channel, tailStart, tailLength);
        int endInTail = findEnd(tail);
        if (endInTail < 0) {
            throw new ModelFormatException(file, "", "the file is truncated: it has no zip end-of-central-"
                    + "directory record (" + length + " bytes). " + DAMAGED);
        }
        ByteBuffer endRecord = le(tail);
        long end = tailStart + endInTail;
        int count = Short.toUnsignedInt(endRecord.getShort(endInTail + 10));
        long dirSize = Integer.toUnsignedLong(endRecord.getInt(endInTail + 12));
        long dirOffset = Integer.toUnsignedLong(endRecord.getInt(endInTail + 16));
        if (Short.toUnsignedInt(endRecord.getShort(endInTail + 4)) != 0 || count == 0xFFFF
                || dirOffset == 0xFFFFFFFFL || count != Short.toUnsignedInt(endRecord.getShort(endInTail + 8))) {
            throw new ModelFormatException(file, "", "the zip archive is split over several disks or "
                    + "uses ZIP64, which model files never do. " + DAMAGED);
        }
        if (dirOffset + dirSize != end) {
            throw new ModelFormatException(file, "", "the zip central directory (" + dirSize + " bytes at "
                    + dirOffset + ") does not end where the end record starts (" + end + "): the file is "
                    + "truncated or damaged. " + DAMAGED);
        }
        if (dirSize > MAX_DIRECTORY) {
            throw new ModelFormatException(file, "", "the zip central directory is " + dirSize + " bytes; a "
                    + "model file's lists at most " + MAX_ENTRIES + " entries in at most " + MAX_DIRECTORY
                    + " bytes. " + DAMAGED);
        }
        byte[] dir = readAt(file, channel, dirOffset, (int) dirSize);
        ByteBuffer in = le(dir);
        Map<String, Entry> entries = new LinkedHashMap<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + 46 > dir.length || in.getInt(at) != CENTRAL_HEADER) {
                throw new ModelFormatException(file, "", "zip central directory record " + (i + 1) + " of "
                        + count + " is missing or damaged. " + DAMAGED);
            }
            int nameLength = Short.toUnsignedInt(in.getShort(at + 28));
            int next = at + 46 + nameLength + Short.toUnsignedInt(in.getShort(at + 30))
                    + Short.toUnsignedInt(in.getShort(at + 32));
            if (next > dir.length) {
                throw new ModelFormatException(file, "", "zip central directory record " + (i + 1)
                        + " runs past the directory. " + DAMAGED);
            }
            String name = new String(dir, at + 46, nameLength, StandardCharsets.UTF_8);
            if (entries.containsKey(name)) {
                throw new ModelFormatException(file, Names.shorten(name), "the archive holds two entries of "
                        + "this name. " + DAMAGED);
            }
            entries.put(name, entry(file, channel, in, at, name, dirOffset));
            at = next;
        }
        if (at != dir.length) {
            throw new ModelFormatException(file, "", "the zip central directory has " + (dir.length - at)
                    + " bytes after its " + count + " records. " + DAMAGED);
        }
        return entries;
    }

    /** The entry whose central directory record is at {@code at} in {@code dir}. */
    private static Entry entry(Path file, FileChannel channel, ByteBuffer dir, int at, String name, long dirOffset) {
        String shown = Names.shorten(name);
        int flags = Short.toUnsignedInt(dir.getShort(at + 8));
        int method = Short.toUnsignedInt(dir.getShort(at + 10));
        long crc = Integer.toUnsignedLong(dir.getInt(at + 16));
        long size = Integer.toUnsignedLong(dir.getInt(at + 20));
        long local = Integer.toUnsignedLong(dir.getInt(at + 42));
        if ((flags & 1) != 0 || method != ZipEntry.STORED || size != Integer.toUnsignedLong(dir.getInt(at + 24))) {
            throw new ModelFormatException(file, shown, "the entry is encrypted or compressed (method "
                    + method + "); model files store every entry uncompressed. Save the model again "
                    + "rather than repacking the archive.");
        }
        byte[] header = local + 30 <= dirOffset ? readAt(file, channel, local, 30) : new byte[0];
        if (header.length < 30 || le(header).getInt(0) != LOCAL_HEADER) {
            throw new ModelFormatException(file, shown, "the entry's local zip header is missing or damaged. "
                    + DAMAGED);
        }
        int localName = Short.toUnsignedInt(le(header).getShort(26));
        long start = local + 30 + localName + Short.toUnsignedInt(le(header).getShort(28));
        if (start + size > dirOffset) {
            throw new ModelFormatException(file, shown, "the entry's data runs past the end of the entries: "
                    + "the file is truncated or damaged. " + DAMAGED);
        }
        if (!new String(readAt(file, channel, local + 30, localName), StandardCharsets.UTF_8).equals(name)) {
            throw new ModelFormatException(file, shown, "the local zip header names a different entry. " + DAMAGED);
        }
        return new Entry(name, crc, size, start);
    }

    /**
     * Streams through every entry once, checking its CRC-32 and computing its SHA-256, then
     * checks {@code checksum.sha256} against {@code metadata.json}.
     */
    private void checkEntries() {
        byte[] buffer = new byte[1 << 16];
        CRC32 crc = new CRC32();
        MessageDigest sha = sha256Digest();
        for (Entry e : entries.values()) {
            crc.reset();
            sha.reset();
            try (InputStream in = stream(e)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    sha.update(buffer, 0, n);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the model file " + file + ": " + ex, ex);
            }
            if (crc.getValue() != e.crc()) {
                throw new ModelFormatException(file, Names.shorten(e.name()), String.format("the entry is "
                        + "corrupted: its CRC-32 is %08x but the archive records %08x. %s", crc.getValue(),
                        e.crc(), DAMAGED));
            }
            sha256.put(e.name(), HexFormat.of().formatHex(sha.digest()));
        }
        if (!entries.containsKey(METADATA) || !entries.containsKey(CHECKSUM)) {
            throw new ModelFormatException(file, "", "a zip archive but not a Neurite model file: it has no "
                    + (entries.containsKey(METADATA) ? CHECKSUM : METADATA) + " entry. Model files are written by "
                    + "Model.save or ModelFiles.save.");
        }
        String recorded = new String(bytes(CHECKSUM, 256), StandardCharsets.US_ASCII);
        String expected = sha256.get(METADATA) + "  " + METADATA + "\n";
        if (!recorded.equals(expected)) {
            String found = recorded.length() >= 64 ? recorded.substring(0, 64) : recorded.strip();
            throw new ModelFormatException(file, METADATA, "checksum mismatch: its SHA-256 is "
                    + expected.substring(0, 64) + " but " + CHECKSUM + " records " + found + ". " + DAMAGED);
        }
    }

    /**
     * What a signature covers: a fixed prefix and the {@code checksum.sha256} line, which holds
     * the SHA-256 of {@code metadata.json}, which holds the SHA-256 of every other entry.
     */
    static byte[] signedMessage(byte[] checksumLine) {
        byte[] prefix = "neurite-model-signature-v1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(prefix, prefix.length + checksumLine.length);
        System.arraycopy(checksumLine, 0, message, prefix.length, checksumLine.length);
        return message;
    }

    /**
     * Checks the signature against {@code key}.
     *
     * @throws ModelFormatException if the file is unsigned, signed with another key, or its
     *                              signature does not match
     */
    void checkSignature(SigningKey key) {
        if (!entries.containsKey(SIGNATURE)) {
            throw new ModelFormatException(file, "", "the file is not signed, and a signing key was given: "
                    + "only files saved with that key are accepted. Save the model again with the key, or "
                    + "load it without one if the file comes from where you trust.");
        }
        String line = new String(bytes(SIGNATURE, 256), StandardCharsets.US_ASCII);
        String[] parts = line.endsWith("\n") ? line.substring(0, line.length() - 1).split(" ", -1) : new String[0];
        if (parts.length != 3 || !parts[0].equals("hmac-sha256")) {
            throw new ModelFormatException(file, SIGNATURE, "the signature entry is not of the form "
                    + "'hmac-sha256 <key id> <signature>'. " + DAMAGED);
        }
        if (!parts[1].equals(key.id())) {
            throw new ModelFormatException(file, SIGNATURE, "the file is signed with the key "
                    + Names.shorten(parts[1]) + ", not with the key given (" + key.id() + "). Load it with the "
                    + "key it was saved with.");
        }
        if (!key.verifies(signedMessage(bytes(CHECKSUM, 256)), parts[2])) {
            throw new ModelFormatException(file, SIGNATURE, "the signature does not match the file's content: "
                    + "the file was altered after it was signed. Do not use it; restore it from a trusted copy.");
        }
    }

    /** The content entry names (every entry but {@code checksum.sha256} and the signature), in order. */
    List<String> names() {
        List<String> names = new ArrayList<>(entries.keySet());
        names.remove(CHECKSUM);
        names.remove(SIGNATURE);
        return names;
    }

    /** Whether the archive holds {@code name}. */
    boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The length of entry {@code name} in bytes. */
    long size(String name) {
        return require(name).size();
    }

    /** The SHA-256 of entry {@code name}, lowercase hex. */
    String sha256(String name) {
        require(name);
        return sha256.get(name);
    }

    /**
     * The content of entry {@code name}, which must be at most {@code limit} bytes: the limit
     * is checked before anything is allocated.
     */
    byte[] bytes(String name, long limit) {
        Entry e = require(name);
        if (e.size() > limit) {
            throw new ModelFormatException(file, Names.shorten(name), "the entry is " + e.size() + " bytes; "
                    + "Neurite reads at most " + limit + " bytes for it. " + DAMAGED);
        }
        byte[] data = readAt(file, channel, e.dataStart(), (int) e.size());
        if (data.length != e.size()) {
            throw new ModelFormatException(file, Names.shorten(name), "the entry's data runs past the end "
                    + "of the file: the file changed while it was read. " + DAMAGED);
        }
        return data;
    }

    /** A stream over the data of entry {@code name}; reading it allocates nothing per call. */
    InputStream stream(String name) {
        return stream(require(name));
    }

    private InputStream stream(Entry e) {
        return new EntryStream(channel, e.dataStart(), e.size());
    }

    private Entry require(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelFormatException(file, Names.shorten(name), "the entry is missing from the archive");
        }
        return e;
    }

    /** The bytes of one entry, read with positional reads of the shared channel. */
    private static final class EntryStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        EntryStream(FileChannel channel, long start, long size) {
            this.channel = channel;
            this.position = start;
            this.end = start + size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            int got = channel.read(ByteBuffer.wrap(b, off, n), position);
            if (got < 0) {
                throw new EOFException("the model file ends inside an entry: it changed while it was read");
            }
            position += got;
            return got;
        }
    }

    /**
     * Checks that the content entries (every entry but {@code metadata.json}) are exactly
     * those {@code checksums} lists, each with its recorded SHA-256, by comparing the digests
     * computed when the archive was opened.
     */
    void verify(Map<String, String> checksums) {
        for (String name : names()) {
            if (name.equals(METADATA)) {
                continue;
            }
            String recorded = checksums.get(name);
            if (recorded == null) {
                throw new ModelFormatException(file, Names.shorten(name), "the entry is not listed in " + METADATA
                        + "'s checksums: it was added after saving. " + DAMAGED);
            }
            String actual = sha256.get(name);
            if (!actual.equals(recorded)) {
                throw new ModelFormatException(file, name, "checksum mismatch: its SHA-256 is " + actual
                        + " but " + METADATA + " records " + Names.shorten(recorded) + ". " + DAMAGED);
            }
        }
        for (String name : checksums.keySet()) {
            if (!entries.containsKey(name) || name.equals(CHECKSUM) || name.equals(SIGNATURE)) {
                throw new ModelFormatException(file, Names.shorten(name), "the entry is listed in " + METADATA
                        + " but missing from the archive. " + DAMAGED);
            }
        }
    }

    /** The offset in {@code tail} (the end of the file) of the end-of-central-directory record, or -1. */
    private static int findEnd(byte[] tail) {
        ByteBuffer in = le(tail);
        for (int at = tail.length - END_SIZE; at >= 0; at--) {
            if (in.getInt(at) == END_OF_DIRECTORY
                    && at + END_SIZE + Short.toUnsignedInt(in.getShort(at + 20)) == tail.length) {
                return at;
            }
        }
        return -1;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
