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
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process at a time on an HSQLDB file store, for as long as it has the store open. HSQLDB's own lock file
 * ({@code hsqldb.lock_file=true}) makes a file database single-process anyway: a second process could not open
 * it, and would fail with HSQLDB's message. This operating-system lock on a file beside the store is taken first,
 * so that process is told who holds the store instead (exit 5), or waits for it ({@code --wait}). The system
 * releases it when the process ends, however it ends: a crashed apply never leaves a stale lock behind.
 *
 * <p>Within one JVM the lock is shared: every Spring context of this process on the store holds it together, and
 * {@link StoreWriteLock} is what keeps their imports and applies apart. Other stores are not locked here.
 */
public final class StoreFileLock implements AutoCloseable {

    private static final StoreFileLock NOT_A_FILE_STORE = new StoreFileLock(null, null);
    /** How long a refused process waits at most for the holder to write its line, which it does at once. */
    private static final long HOLDER_LINE_GRACE = TimeUnit.SECONDS.toNanos(5);
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private final Path file;
    private final Shared shared;
    private boolean closed;

    private StoreFileLock(Path file, Shared shared) {
        this.file = file;
        this.shared = shared;
    }

    /** The lock file of one store, held by this JVM while any of its contexts has the store open. */
    private static final class Shared {
        FileChannel channel;
        FileLock lock;
        int users;
    }

    /**
     * @param command what this process is doing, shown to a process refused while this one holds the store
     * @param wait how long to wait for another process to let go; zero refuses at once
     * @throws StoreBusyException when another process holds it past {@code wait}
     */
    public static StoreFileLock acquire(String jdbcUrl, String command, Duration wait) {
        StoreUrl store = new StoreUrl(jdbcUrl == null ? "" : jdbcUrl);
        if (!store.isHsqldbFile()) {
            return NOT_A_FILE_STORE;
        }
        Path file = Path.of(store.hsqldbFiles() + ".reconcile-lock").toAbsolutePath().normalize();
        Shared shared;
        synchronized (OPEN) {
            shared = OPEN.computeIfAbsent(file, f -> new Shared());
            shared.users++;
        }
        try {
            synchronized (shared) {
                if (shared.lock == null) {
                    lock(shared, file, store.displayName(), LockHolder.thisProcess(command),
                            System.nanoTime() + wait.toNanos());
                }
            }
            return new StoreFileLock(file, shared);
        } catch (RuntimeException e) {
            new StoreFileLock(file, shared).close();
            throw e;
        }
    }

    private static void lock(Shared shared, Path file, String store, LockHolder me, long deadline) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        writeHolderLine(channel, me);
                        shared.channel = channel;
                        shared.lock = lock;
                        return;
                    }
                    // The holder writes its line just after it takes the lock: a refused process that read before
                    // that moment would name no one. So it reads until it finds a whole line of a live process.
                    String holder = readHolderLine(channel);
                    long now = System.nanoTime();
                    if (now - deadline >= 0 && holder != null) {
                        throw new StoreBusyException(store, holder);
                    }
                    if (now - deadline >= HOLDER_LINE_GRACE) {
                        throw new StoreBusyException(store, "a process that did not say who it is in "
                                + file.getFileName());
                    }
                    Thread.sleep(holder == null ? 5 : 100);
                }
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new StoreBusyException(store, "interrupted while waiting for it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the store " + store, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another channel of this JVM: not through acquire, which shares one per store
        }
    }

    /**
     * Written over the start of the file, then cut to its length: the file never reads empty in between, and a
     * reader takes only a line that ends with its newline.
     */
    private static void writeHolderLine(FileChannel channel, LockHolder me) throws IOException {
        byte[] line = (me + "\n").getBytes(StandardCharsets.UTF_8);
        channel.write(ByteBuffer.wrap(line), 0);
        channel.truncate(line.length);
    }

    /** The holder's line; null while there is none yet, or it names a process of this machine that has ended. */
    private static String readHolderLine(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        int read = channel.read(buffer, 0);
        String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (end < 0) {
            return null;
        }
        String line = text.substring(0, end);
        return LockHolder.isAlive(line) ? line : null;
    }

    @Override
    public synchronized void close() {
        if (shared == null || closed) {
            return;
        }
        closed = true;
        // Released before another context of this JVM may open the file again, all under OPEN: only a context
        // counted in users can be inside synchronized (shared), and it is not when users reaches 0.
        synchronized (OPEN) {
            if (--shared.users > 0) {
                return;
            }
            OPEN.remove(file);
            synchronized (shared) {
                if (shared.lock == null) {
                    return;
                }
                try {
                    // Emptied before it is released: the next holder's line is the only one a refused process reads.
                    shared.channel.truncate(0);
                    shared.lock.release();
                    shared.channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    shared.lock = null;
                }
            }
        }
    }
}
