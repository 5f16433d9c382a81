package com.partnerops.reconcile.state;

import com.partnerops.reconcile.ingest.SourceRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of a snapshot seen so far (tenant and user, say) and where each was first seen, in little memory: a
 * million users are checked for duplicates before anything is imported, under the job's 1 GiB heap. A key is kept
 * as a 64-bit hash; two different keys sharing one is a chance of about one in 10^7 at a million keys, and would
 * refuse the snapshot with a duplicate to look at, never import it wrong.
 */
final class SeenKeys {

    private final Map<Long, Long> firstSeen = new HashMap<>();
    private final List<String> places = new ArrayList<>();
    private final Map<String, Integer> placeIndex = new HashMap<>();

    /** Records the key; returns where it was seen before ("users.csv row 12"), or null the first time. */
    String seen(String key, SourceRow row) {
        String place = row.file() + (row.sheet() == null ? "" : " sheet " + row.sheet());
        int index = placeIndex.computeIfAbsent(place, p -> {
            places.add(p);
            return places.size() - 1;
        });
        Long earlier = firstSeen.putIfAbsent(hash(key), ((long) index << 32) | row.rowNumber());
        return earlier == null ? null : places.get((int) (earlier >>> 32)) + " row " + (int) (long) earlier;
    }

    /** FNV-1a, 64 bits. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
