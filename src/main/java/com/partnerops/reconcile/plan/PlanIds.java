package com.partnerops.reconcile.plan;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** New plan ids: the time the plan was made (so they sort and say when), and a random tail (so two never clash). */
public final class PlanIds {

    private static final DateTimeFormatter PLAN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PlanIds() {
    }

    public static String next(Instant now) {
        return PLAN_ID_TIME.format(now) + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(3));
    }
}
