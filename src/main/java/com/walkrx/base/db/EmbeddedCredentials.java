package com.walkrx.base.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The generated passwords of the embedded server's three roles: the superuser (only this class's
 * provisioning uses it), the schema owner (Flyway) and the application's login. They are kept in a file
 * inside the data directory, readable by its owner only, so they live and die with the data.
 */
public record EmbeddedCredentials(String superuserPassword, String ownerPassword, String appPassword) {

    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "walkrx_owner";
    public static final String APP = "walkrx_app";
    /** The file's name inside the data directory. */
    public static final String FILE = "walkrx-credentials.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    public EmbeddedCredentials {
        for (String p : new String[] {superuserPassword, ownerPassword, appPassword}) {
            if (p == null || p.length() < 24 || !p.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                throw new IllegalArgumentException("embedded database passwords must be 24+ letters or digits");
            }
        }
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(random(), random(), random());
    }

    /** The credentials stored in {@code dataDir}, if a start has written them there. */
    public static java.util.Optional<EmbeddedCredentials> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return java.util.Optional.of(new EmbeddedCredentials(
                p.getProperty(SUPERUSER), p.getProperty(OWNER), p.getProperty(APP)));
    }

    /** Writes the file atomically with owner-only permissions (the data directory itself is 0700). */
    void write(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Properties p = new Properties();
        p.setProperty(SUPERUSER, superuserPassword);
        p.setProperty(OWNER, ownerPassword);
        p.setProperty(APP, appPassword);
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(tmp)) {
                p.store(out, "Generated passwords of the embedded WalkRx database (roles " + SUPERUSER + ", "
                        + OWNER + ", " + APP + "). Keep this file private.");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String random() {
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
