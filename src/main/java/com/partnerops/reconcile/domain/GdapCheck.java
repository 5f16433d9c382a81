package com.partnerops.reconcile.domain;

/** The second check: may the partner make the change? A GDAP role in an active relationship must allow it. */
final class GdapCheck {

    private GdapCheck() {
    }

    /** Every change of the draft still open: the relationship that allows it, or the GDAP reason it is refused. */
    static void authorize(UserDraft draft, GdapAuthority gdap) {
        draft.candidates.stream().filter(Candidate::openChange).forEach(candidate -> authorize(candidate, gdap));
    }

    static void authorize(Candidate candidate, GdapAuthority gdap) {
        GdapAuthority.Verdict verdict = gdap.check(candidate.change);
        if (verdict.granted()) {
            candidate.relationshipId = verdict.relationshipId();
        } else {
            candidate.reject(verdict.reason(), verdict.message());
        }
    }
}
