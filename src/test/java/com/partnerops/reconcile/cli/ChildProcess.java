package com.partnerops.reconcile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code reconcile} command in a JVM of its own, as a scheduler starts it: so it can be killed with SIGKILL,
 * or run beside another, against the same store. Its output is read line by line as it comes.
 */
final class ChildProcess {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code reconcile ARGS} with the test's classpath; extra JVM options (system properties) first. */
    static ChildProcess start(List<String> jvmOptions, List<String> args) throws IOException {
        return start(jvmOptions, java.util.Map.of(), args);
    }

    /** As above, with environment variables added (settings a scheduler passes that way, secrets among them). */
    static ChildProcess start(List<String> jvmOptions, java.util.Map<String, String> environment, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:off");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildProcess(builder.start());
    }

    /** Waits for a line of output that matches, and returns it; fails after {@code seconds}. */
    String awaitLine(Predicate<String> matching, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (matching.test(line)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no matching line within " + seconds + " s; the child printed:\n"
                + String.join("\n", seen));
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush: the machine died. */
    /** SIGSTOP: the process keeps everything it holds (its locks, its connections) but does nothing. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT: it carries on where {@link #pause} stopped it. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " exited " + exit);
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitForExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** Everything printed so far, after the child ended. */
    String output() throws InterruptedException {
        Thread.sleep(100);
        lines.drainTo(seen);
        return String.join("\n", seen);
    }
}
