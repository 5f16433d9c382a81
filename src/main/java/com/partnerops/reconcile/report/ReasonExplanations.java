package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.ReasonCode;
import java.util.Arrays;

/** A report row's reason code, as the report writes it, in the words {@link ReasonCode#explanation()} gives it. */
public final class ReasonExplanations {

    private ReasonExplanations() {
    }

    /** The explanation of {@code code}, or an empty string for a code this version does not know. */
    public static String explain(String code) {
        return Arrays.stream(ReasonCode.values()).filter(reason -> reason.name().equals(code)).findFirst()
                .map(ReasonCode::explanation).orElse("");
    }
}
