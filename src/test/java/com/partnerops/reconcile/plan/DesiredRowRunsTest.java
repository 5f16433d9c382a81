package com.partnerops.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.UserAttribute;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The external sort behind plan: rows come back in customer order, file order within a customer, and exactly as
 * they went in, also when they went through runs on disk (more rows than one run holds).
 */
class DesiredRowRunsTest {

    /** Two runs on disk and a remainder in memory. */
    private static final int ROWS = 210_000;

    @Test
    void rowsComeBackInCustomerOrderAndUnchangedThroughTheRunsOnDisk() {
        Random random = new Random(13);
        List<StagedRow> added = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            added.add(row(i, random));
        }
        List<StagedRow> expected = new ArrayList<>(added);
        expected.sort(DesiredRowRuns.CUSTOMER_ORDER);

        List<StagedRow> out = new ArrayList<>();
        try (DesiredRowRuns runs = new DesiredRowRuns()) {
            for (int from = 0; from < ROWS; from += 10_000) {
                runs.add(added.subList(from, Math.min(ROWS, from + 10_000)));
            }
            try (DesiredRowRuns.SortedRows sorted = runs.sorted()) {
                for (StagedRow row = sorted.next(); row != null; row = sorted.next()) {
                    out.add(row);
                }
            }
            assertThat(runs.groups()).isEqualTo(8);
        }

        assertThat(out).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(out.get(i)).as("row %d of the sorted output", i).isEqualTo(expected.get(i));
        }
    }

    /** Every kind of field a row carries: missing customer, missing cells, non-ASCII text, a cell at Excel's limit. */
    private static StagedRow row(int i, Random random) {
        int customer = random.nextInt(8);
        String tenant = customer == 0 ? null : "tenant-" + customer;
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        attributes.put(UserAttribute.DISPLAY_NAME, i % 3 == 0 ? "Zoë Ångström 日本 " + i : "User " + i);
        if (i % 5 != 0) {
            attributes.put(UserAttribute.DEPARTMENT, i == 77 ? "x".repeat(32_767) : "Sales");
        }
        int file = i % 2;
        String reference = customer == 0 ? "nobody" : "c" + customer;
        DesiredUserRow row = new DesiredUserRow("desired-" + file + ".csv", i + 2, reference,
                "user" + i + "@contoso.example", attributes,
                i % 4 == 0 ? Optional.empty() : Optional.of("User Administrator"),
                i % 7 == 0 ? Optional.of("") : Optional.of("SPE_E3;EMS"),
                i % 11 == 0 ? Optional.of("SPE_E3:EXCHANGE_S_ENTERPRISE") : Optional.empty(),
                i % 13 == 0 ? "row " + (i + 2) + ": a quote was never closed" : null);
        return new StagedRow(StagedRow.seqOf(file, i + 2), tenant, row);
    }
}
