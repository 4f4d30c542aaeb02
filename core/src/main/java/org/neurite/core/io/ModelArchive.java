package org.neurite.core.io;

import java.io.IOException;
import java.io.OutputStream;
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

/**
 * The container of a model file: an uncompressed (STORED) zip archive whose entries are
 * covered by SHA-256 checksums. {@code metadata.json} lists the SHA-256 of every other content
 * entry; the last entry, {@code checksum.sha256}, holds the SHA-256 of {@code metadata.json}
 * in {@code sha256sum} format, so an altered byte anywhere in any entry is detected.
 *
 * <p>Reading parses the archive from its central directory (as numpy and {@code unzip} do) and
 * checks the structure, every entry's CRC-32 and the final checksum. Stateless.
 */
final class ModelArchive {
    static final String METADATA = "metadata.json";
    static final String CHECKSUM = "checksum.sha256";

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final String DAMAGED = "The file changed after it was saved (a bad copy, a "
            + "disk error or an edit): restore it from a backup or save the model again.";

    private ModelArchive() {
    }

    /**
     * Writes {@code entries} in order as STORED zip entries, then {@code checksum.sha256} over
     * the {@code metadata.json} entry, and finishes the archive (without closing {@code out}).
     */
    static void write(OutputStream out, Map<String, byte[]> entries, long time) throws IOException {
        byte[] metadata = entries.get(METADATA);
        if (metadata == null) {
            throw new IllegalArgumentException("a model archive needs a " + METADATA + " entry");
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            put(zip, e.getKey(), e.getValue(), time);
        }
        put(zip, CHECKSUM, checksumLine(metadata).getBytes(StandardCharsets.US_ASCII), time);
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

    /**
     * The entries of the archive {@code bytes} (read from {@code file}) in their order, without
     * {@code checksum.sha256}, after checking the zip structure, every CRC-32 and the SHA-256 of
     * {@code metadata.json}.
     *
     * @throws ModelFormatException saying what is wrong and where
     */
    static Map<String, byte[]> read(Path file, byte[] bytes) {
        if (bytes.length < 4 || le(bytes).getInt(0) != LOCAL_HEADER) {
            String start = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 4));
            throw new ModelFormatException(file, "", "not a Neurite model file: it is not a zip archive "
                    + (bytes.length == 0 ? "(it is empty)" : "(it starts with bytes " + start + ", not PK\\3\\4)")
                    + ". Model files are written by Model.save or ModelFiles.save.");
        }
        ByteBuffer in = le(bytes);
        int end = findEnd(bytes);
        if (end < 0) {
            throw new ModelFormatException(file, "", "the file is truncated: it has no zip end-of-central-"
                    + "directory record (" + bytes.length + " bytes). " + DAMAGED);
        }
        int count = Short.toUnsignedInt(in.getShort(end + 10));
        long dirSize = Integer.toUnsignedLong(in.getInt(end + 12));
        long dirOffset = Integer.toUnsignedLong(in.getInt(end + 16));
        if (Short.toUnsignedInt(in.getShort(end + 4)) != 0 || count == 0xFFFF || dirOffset == 0xFFFFFFFFL
                || count != Short.toUnsignedInt(in.getShort(end + 8))) {
            throw new ModelFormatException(file, "", "the zip archive is split over several disks or "
                    + "uses ZIP64, which model files never do. " + DAMAGED);
        }
        if (dirOffset + dirSize != end) {
            throw new ModelFormatException(file, "", "the zip central directory (" + dirSize + " bytes at "
                    + dirOffset + ") does not end where the end record starts (" + end + "): the file is "
                    + "truncated or damaged. " + DAMAGED);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int at = (int) dirOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || in.getInt(at) != CENTRAL_HEADER) {
                throw new ModelFormatException(file, "", "zip central directory record " + (i + 1) + " of "
                        + count + " is missing or damaged. " + DAMAGED);
            }
            int nameLength = Short.toUnsignedInt(in.getShort(at + 28));
            int next = at + 46 + nameLength + Short.toUnsignedInt(in.getShort(at + 30))
                    + Short.toUnsignedInt(in.getShort(at + 32));
            if (next > end) {
                throw new ModelFormatException(file, "", "zip central directory record " + (i + 1)
                        + " runs past the directory. " + DAMAGED);
            }
            String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
            if (entries.containsKey(name)) {
                throw new ModelFormatException(file, name, "the archive holds two entries of this name. " + DAMAGED);
            }
            entries.put(name, entry(file, bytes, in, at, name, (int) dirOffset));
            at = next;
        }
        if (at != end) {
            throw new ModelFormatException(file, "", "the zip central directory has " + (end - at)
                    + " bytes after its " + count + " records. " + DAMAGED);
        }
        checkMetadataChecksum(file, entries);
        entries.remove(CHECKSUM);
        return entries;
    }

    /** The data of the entry whose central directory record is at {@code dir}. */
    private static byte[] entry(Path file, byte[] bytes, ByteBuffer in, int dir, String name, int dirOffset) {
        int flags = Short.toUnsignedInt(in.getShort(dir + 8));
        int method = Short.toUnsignedInt(in.getShort(dir + 10));
        long crc = Integer.toUnsignedLong(in.getInt(dir + 16));
        long size = Integer.toUnsignedLong(in.getInt(dir + 20));
        long local = Integer.toUnsignedLong(in.getInt(dir + 42));
        if ((flags & 1) != 0 || method != ZipEntry.STORED || size != Integer.toUnsignedLong(in.getInt(dir + 24))) {
            throw new ModelFormatException(file, name, "the entry is encrypted or compressed (method "
                    + method + "); model files store every entry uncompressed. Save the model again "
                    + "rather than repacking the archive.");
        }
        if (local + 30 > dirOffset || in.getInt((int) local) != LOCAL_HEADER) {
            throw new ModelFormatException(file, name, "the entry's local zip header is missing or damaged. "
                    + DAMAGED);
        }
        int localName = Short.toUnsignedInt(in.getShort((int) local + 26));
        long start = local + 30 + localName + Short.toUnsignedInt(in.getShort((int) local + 28));
        if (start + size > dirOffset) {
            throw new ModelFormatException(file, name, "the entry's data runs past the end of the entries: "
                    + "the file is truncated or damaged. " + DAMAGED);
        }
        if (!new String(bytes, (int) local + 30, localName, StandardCharsets.UTF_8).equals(name)) {
            throw new ModelFormatException(file, name, "the local zip header names a different entry. " + DAMAGED);
        }
        long actual = crc(bytes, (int) start, (int) size);
        if (actual != crc) {
            throw new ModelFormatException(file, name, String.format("the entry is corrupted: its CRC-32 is "
                    + "%08x but the archive records %08x. %s", actual, crc, DAMAGED));
        }
        byte[] data = new byte[(int) size];
        System.arraycopy(bytes, (int) start, data, 0, data.length);
        return data;
    }

    private static void checkMetadataChecksum(Path file, Map<String, byte[]> entries) {
        byte[] metadata = entries.get(METADATA);
        byte[] checksum = entries.get(CHECKSUM);
        if (metadata == null || checksum == null) {
            throw new ModelFormatException(file, "", "a zip archive but not a Neurite model file: it has no "
                    + (metadata == null ? METADATA : CHECKSUM) + " entry. Model files are written by "
                    + "Model.save or ModelFiles.save.");
        }
        String recorded = new String(checksum, StandardCharsets.US_ASCII);
        String expected = checksumLine(metadata);
        if (!recorded.equals(expected)) {
            String found = recorded.length() >= 64 ? recorded.substring(0, 64) : recorded.strip();
            throw new ModelFormatException(file, METADATA, "checksum mismatch: its SHA-256 is "
                    + expected.substring(0, 64) + " but " + CHECKSUM + " records " + found + ". " + DAMAGED);
        }
    }

    /**
     * Checks that the content entries (every entry but {@code metadata.json}) are exactly
     * those {@code checksums} lists, each with its recorded SHA-256.
     */
    static void verify(Path file, Map<String, byte[]> entries, Map<String, String> checksums) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                continue;
            }
            String recorded = checksums.get(e.getKey());
            if (recorded == null) {
                throw new ModelFormatException(file, e.getKey(), "the entry is not listed in " + METADATA
                        + "'s checksums: it was added after saving. " + DAMAGED);
            }
            String actual = sha256(e.getValue());
            if (!actual.equals(recorded)) {
                throw new ModelFormatException(file, e.getKey(), "checksum mismatch: its SHA-256 is " + actual
                        + " but " + METADATA + " records " + recorded + ". " + DAMAGED);
            }
        }
        for (String name : checksums.keySet()) {
            if (!entries.containsKey(name)) {
                throw new ModelFormatException(file, name, "the entry is listed in " + METADATA
                        + " but missing from the archive. " + DAMAGED);
            }
        }
    }

    /** The offset of the end-of-central-directory record, or -1. */
    private static int findEnd(byte[] bytes) {
        ByteBuffer in = le(bytes);
        int lowest = Math.max(0, bytes.length - END_SIZE - 0xFFFF);
        for (int at = bytes.length - END_SIZE; at >= lowest; at--) {
            if (in.getInt(at) == END_OF_DIRECTORY
                    && at + END_SIZE + Short.toUnsignedInt(in.getShort(at + 20)) == bytes.length) {
                return at;
            }
        }
        return -1;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
