package com.partnerops.reconcile.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a store's lock, as a refused process names it: "pid 4242 on batch-01, apply 20261124T090000Z-1a2b3c,
 * since 2026-11-24T09:00:00Z". The admin can find that process and decide to wait for it or stop it.
 */
public record LockHolder(long pid, String host, String command, Instant since) {

    private static final Pattern PID = Pattern.compile("^pid (\\d+) on (\\S+), ");

    /** This process, about to do {@code command}. */
    public static LockHolder thisProcess(String command) {
        return new LockHolder(ProcessHandle.current().pid(), HostName.VALUE, command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + ", " + command + ", since " + since;
    }

    /**
     * Whether the process a {@link #toString()} line names is still running. Only this machine's processes can be
     * told dead; a holder on another machine is taken at its word.
     */
    static boolean isAlive(String line) {
        Matcher matcher = PID.matcher(line);
        if (!matcher.find()) {
            return false;
        }
        if (!matcher.group(2).equals(HostName.VALUE)) {
            return true;
        }
        return ProcessHandle.of(Long.parseLong(matcher.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Looked up once: the lookup may ask a name server. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return Optional.ofNullable(InetAddress.getLocalHost().getHostName()).orElse("unknown-host");
            } catch (UnknownHostException e) {
                return "unknown-host";
            }
        }
    }
}
