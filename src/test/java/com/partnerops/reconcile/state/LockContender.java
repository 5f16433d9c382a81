package com.partnerops.reconcile.state;

import java.time.Duration;

/**
 * {@code LockContender JDBC_URL NAME START_MILLIS ROUNDS SLOT_MILLIS}: a process that, at the start of each slot,
 * tries the store's file lock at the same instant as its twin; prints "won N" or "refused N: MESSAGE" per round.
 */
public final class LockContender {

    private LockContender() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String name = args[1];
        long start = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        long slot = Long.parseLong(args[4]);
        for (int round = 0; round < rounds; round++) {
            long sleep = start + round * slot - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
            StoreFileLock lock;
            try {
                lock = StoreFileLock.acquire(url, "contender " + name, Duration.ZERO);
            } catch (StoreBusyException e) {
                System.out.println("refused " + round + ": " + e.getMessage());
                continue;
            }
            try {
                System.out.println("won " + round);
                Thread.sleep(slot / 3);
            } finally {
                lock.close();
            }
        }
    }
}
