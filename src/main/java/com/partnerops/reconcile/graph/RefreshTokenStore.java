package com.partnerops.reconcile.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The service user's refresh token. Every exchange may return a new one, and a refresh token is never sent twice:
 * exchanges take turns (threads of this process by a lock, other processes by a file lock), and each new token is
 * written at once, owner-only, before the next exchange may start.
 *
 * <p>The file holds the newest token and a digest of the {@code refresh-token} setting it descends from: a setting
 * that still names the token the file grew from is an old one already sent; a setting with a different token (a
 * new sign-in) replaces the file's.
 */
final class RefreshTokenStore {

    private static final String SEED = "seed-sha256:";

    private final Path file;
    private final String setting;
    private final ReentrantLock turn = new ReentrantLock();

    RefreshTokenStore(Path file, String setting) {
        this.file = file;
        this.setting = setting == null ? "" : setting.strip();
    }

    /** Runs one exchange: gives it the current token, keeps the token it returns. Exchanges never overlap. */
    String exchange(UnaryOperator<String> exchange, String what) {
        turn.lock();
        try (FileChannel lockFile = FileChannel.open(lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lockFile.lock(); // held until the channel closes, which releases it
            String[] current = current();
            String next = exchange.apply(current[0]);
            if (next != null && !next.isBlank() && !next.equals(current[0])) {
                write(next, current[1]);
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the refresh token in " + file + " (" + what + ")", e);
        } finally {
            turn.unlock();
        }
    }

    /** Writes a token a sign-in ({@code login}) got. */
    void replace(String token) {
        turn.lock();
        try {
            write(token, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the refresh token in " + file, e);
        } finally {
            turn.unlock();
        }
    }

    /** The token to send and the seed digest to keep with its successor. */
    private String[] current() throws IOException {
        String seed = setting.isEmpty() ? "" : digest(setting);
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String kept = lines.isEmpty() ? "" : lines.get(0).strip();
            String keptSeed = lines.size() > 1 && lines.get(1).startsWith(SEED) ? lines.get(1).substring(SEED.length())
                    : "";
            if (!kept.isEmpty() && (setting.isEmpty() || seed.equals(keptSeed))) {
                return new String[] {kept, keptSeed};
            }
        }
        if (setting.isEmpty()) {
            throw new MissingSignInException("no refresh token: the 'graph.refresh-token' setting is empty and "
                    + file + " holds none; sign the service user in with login first");
        }
        return new String[] {setting, seed};
    }

    private void write(String token, String seed) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
            temp.toFile().setReadable(false, false);
            temp.toFile().setReadable(true, true);
            temp.toFile().setWritable(true, true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + temp, e);
        }
        Files.writeString(temp, token + "\n" + SEED + seed + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path lockPath() throws IOException {
        Path lock = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(lock.getParent());
        return lock;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** No token to start from: the service user has to sign in. */
    static final class MissingSignInException extends RuntimeException {
        MissingSignInException(String message) {
            super(message);
        }
    }
}
