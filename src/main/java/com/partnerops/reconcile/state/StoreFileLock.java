package com.partnerops.reconcile.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One reconcile process at a time per embedded store. An operating-system lock on a file beside the store: the
 * system releases it when the process ends, however it ends, so a crashed apply never leaves a stale lock behind,
 * and the next {@code apply} resumes at once. Stores reached over a network (a database server) are not locked
 * here.
 */
public final class StoreLock implements AutoCloseable {

    private static final String FILE_URL = "jdbc:hsqldb:file:";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process holds the store. */
    public static class StoreBusyException extends RuntimeException {
        StoreBusyException(String message) {
            super(message);
        }
    }

    /**
     * @param holder what this process is doing, shown to a process refused while this one holds the store
     * @throws StoreBusyException when another process holds it
     */
    public static StoreLock acquire(String jdbcUrl, String holder) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(FILE_URL)) {
            return new StoreLock(null, null);
        }
        String path = jdbcUrl.substring(FILE_URL.length()).split(";", 2)[0];
        Path file = Path.of(path + ".reconcile-lock");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already, for another command
            }
            if (lock == null) {
                String other = readHolder(channel);
                channel.close();
                throw new StoreBusyException("the store " + path + " is in use by another reconcile process ("
                        + other + "); nothing was done. Run again when it has finished.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + holder + ", since "
                    + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the store " + path, e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "unknown" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
