package com.partnerops.reconcile.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the license report says about one customer's SKU.
 *
 * @param reducibleSeats unused seats that can still be reduced: inside an NCE reduce window, or at the next
 *     renewal, or (legacy) at any time
 * @param reducibleUntil the last day for it (the window's end or the term end); null when there is none (legacy)
 *     or nothing to reduce
 * @param actions what is worth doing now, most urgent first; empty for "nothing"
 */
public record LicenseAssessment(LicensePosition position, int reducibleSeats, LocalDate reducibleUntil,
        List<LicenseAction> actions) {

    public LicenseAssessment {
        actions = List.copyOf(actions);
    }

    /** The report's action column: the actions' phrases, or "nothing". */
    public String actionPhrase() {
        return actions.isEmpty() ? "nothing"
                : String.join("; ", actions.stream().map(LicenseAction::phrase).toList());
    }
}
