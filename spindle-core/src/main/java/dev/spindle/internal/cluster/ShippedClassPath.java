package dev.spindle.internal.cluster;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A client's class path, shipped to a cluster: each entry (a jar, or a class folder packed as a
 * jar with fixed times, so the same classes give the same bytes) stored once in Redis under its
 * SHA-256, and a manifest naming them in order, itself stored under the hash of that list. Tasks
 * carry the manifest's hash; a worker fetches what it lacks, once, and runs those tasks in child
 * JVMs with the entries after its own class path.
 */
final class ShippedClassPath {
    /** How long shipped entries stay in Redis after the last client that shipped them. */
    static final long KEPT_SECONDS = 7 * 86_400;
    private static final String MANIFEST_SEPARATOR = "\n";

    private ShippedClassPath() {}

    /**
     * Ships {@code entries} (class path entries of this JVM; missing ones are skipped) to the
     * cluster, uploading only what Redis does not have, and returns the manifest's hash.
     */
    static String ship(RedisCommands<byte[], byte[]> redis, ClusterKeys keys, List<String> entries) {
        List<String> hashes = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                continue;
            }
            byte[] bytes = Files.isDirectory(path) ? packed(path) : read(path);
            String hash = sha256(bytes);
            byte[] blob = keys.classPathEntry(hash);
            if (redis.expire(blob, KEPT_SECONDS) == Boolean.FALSE) { // not there yet: the only upload
                redis.set(blob, bytes, SetArgs.Builder.ex(KEPT_SECONDS));
            }
            hashes.add(hash);
        }
        byte[] manifest = ClusterKeys.bytes(String.join(MANIFEST_SEPARATOR, hashes));
        String manifestHash = sha256(manifest);
        redis.set(keys.classPathManifest(manifestHash), manifest, SetArgs.Builder.ex(KEPT_SECONDS));
        return manifestHash;
    }

    /**
     * The entries of the manifest {@code manifestHash} as files in {@code cache}, fetched from
     * Redis when missing there, in the manifest's order.
     *
     * @throws IllegalStateException if the manifest or an entry is no longer in Redis, or an entry's bytes do not match its hash
     */
    static List<Path> fetch(RedisCommands<byte[], byte[]> redis, ClusterKeys keys, String manifestHash, Path cache) {
        byte[] manifest = redis.get(keys.classPathManifest(manifestHash));
        if (manifest == null) {
            throw new IllegalStateException("the client's class path (manifest " + manifestHash
                    + ") is no longer stored in the cluster; the client ships it again when it makes a pool");
        }
        List<Path> files = new ArrayList<>();
        for (String hash : ClusterKeys.text(manifest).split(MANIFEST_SEPARATOR)) {
            if (hash.isEmpty()) {
                continue;
            }
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("a class path manifest naming '" + hash + "', which is no SHA-256");
            }
            Path file = cache.resolve(hash + ".jar");
            if (!Files.exists(file)) {
                byte[] bytes = redis.get(keys.classPathEntry(hash));
                if (bytes == null || !sha256(bytes).equals(hash)) {
                    throw new IllegalStateException("the class path entry " + hash + " is "
                            + (bytes == null ? "no longer stored in the cluster" : "not what its hash says"));
                }
                write(cache, file, bytes);
            }
            files.add(file);
        }
        return files;
    }

    private static void write(Path cache, Path file, byte[] bytes) {
        try {
            Files.createDirectories(cache);
            Path part = Files.createTempFile(cache, "entry", ".part");
            Files.write(part, bytes);
            Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a shipped class path entry in " + cache, e);
        }
    }

    private static byte[] read(Path jar) {
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path entry " + jar, e);
        }
    }

    /** A class folder as a jar: entries sorted, times fixed, so that the same files give the same bytes. */
    private static byte[] packed(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the class folder " + folder, e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
