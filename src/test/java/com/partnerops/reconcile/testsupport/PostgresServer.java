package com.partnerops.reconcile.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for the tests, from Debian's binaries: one cluster in a temporary folder, listening
 * on a free loopback port, started once for the whole run and stopped when the JVM ends. Each test asks for a
 * database of its own. The server refuses to run as root, so under root it runs as {@code nobody}.
 */
public final class PostgresServer {

    private static final String BINARIES = "/usr/lib/postgresql";
    private static final String SUPERUSER = "reconcile";
    private static final String RUN_AS = "nobody";
    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The run's server, started on first use. Fails, never skips, when PostgreSQL is not installed. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database; its URL names the user, as an admin's {@code --db} would. */
    public String createDatabase() {
        String name = "store_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"))) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + url("postgres"), e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    private static PostgresServer start() {
        Path bin = binaries();
        boolean asRoot = isRoot();
        try {
            Path dir = Files.createTempDirectory("reconcile-postgres-");
            Path data = Files.createDirectory(dir.resolve("data"));
            if (asRoot) {
                UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName(RUN_AS));
                Files.setOwner(data, users.lookupPrincipalByName(RUN_AS));
            }
            PostgresServer server = new PostgresServer(bin, dir, freeLoopbackPort(), asRoot);
            server.run("initdb", "-D", data.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            // Durability is the server's concern, not the tests': the tests kill clients, never this server.
            server.run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + server.port + " -k " + dir + " -h 127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a PostgreSQL server for the tests", e);
        }
    }

    private static Path binaries() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(Path.of(BINARIES))) {
            for (Path version : versions) {
                if (Files.isExecutable(version.resolve("bin/initdb"))) {
                    found.add(version.resolve("bin"));
                }
            }
        } catch (IOException e) {
            // no such folder: reported below
        }
        return found.stream().max(Comparator.comparing(p -> versionOf(p.getParent()))).orElseThrow(() ->
                new IllegalStateException("no PostgreSQL server binaries (" + BINARIES + "/*/bin/initdb): the store"
                        + " tests run against PostgreSQL too. Install Debian's postgresql package:"
                        + " apt-get install -y postgresql (.ci/run does)"));
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("reconcile-postgres-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(program + " did not end within 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue()
                            + ":\n" + Files.readString(output, StandardCharsets.UTF_8) + serverLog());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + program, e);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Immediate stop: nothing of a test's database is worth a checkpoint. Then the cluster is deleted. */
    private void stop() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL server: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
