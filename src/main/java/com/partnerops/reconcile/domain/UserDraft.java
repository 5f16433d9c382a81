package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.List;

/** One desired row and the user it is about, with the candidates the passes add and decide. */
final class UserDraft {

    final DesiredUserRow row;
    /** Null when the tenant has no such user. */
    final DirectoryUser current;
    final List<Candidate> candidates = new ArrayList<>();

    UserDraft(DesiredUserRow row, DirectoryUser current) {
        this.row = row;
        this.current = current;
    }

    Candidate add(Candidate candidate) {
        candidates.add(candidate);
        return candidate;
    }
}
