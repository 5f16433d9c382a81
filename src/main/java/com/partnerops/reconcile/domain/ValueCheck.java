package com.partnerops.reconcile.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The first check: is the value usable as it is? Drafts the row's attribute changes (a blank cell leaves the value
 * alone) and rejects those Microsoft Entra would refuse or that the file damaged.
 */
final class ValueCheck {

    private ValueCheck() {
    }

    static void draftAttributes(UserDraft draft) {
        for (UserAttribute attribute : UserAttribute.values()) {
            String raw = draft.row.attributes().get(attribute);
            if (Names.isBlank(raw)) {
                continue;
            }
            boolean usageLocation = attribute == UserAttribute.USAGE_LOCATION;
            String wanted = usageLocation ? raw.strip().toUpperCase(Locale.ROOT) : raw.strip();
            String before = draft.current.attribute(attribute);
            if (wanted.equals(before)) {
                continue;
            }
            boolean validCountry = CountryCodes.isCountryCode(wanted);
            Candidate candidate = draft.add(new Candidate(new PlannedChange.SetAttribute(attribute, before,
                    usageLocation && !validCountry ? raw.strip() : wanted)));
            Optional<String> unreadable = TextDamage.describe(wanted);
            if (usageLocation && !validCountry) {
                candidate.reject(ReasonCode.INVALID_VALUE, Rejections.notACountryCode(raw.strip()));
            } else if (wanted.length() > attribute.maxLength()) {
                candidate.reject(ReasonCode.INVALID_VALUE, Rejections.tooLong(attribute, wanted.length()));
            } else if (unreadable.isPresent()) {
                candidate.reject(ReasonCode.INVALID_VALUE, Rejections.damagedText(attribute.column(), wanted,
                        unreadable.get()));
            }
        }
    }
}
