package com.partnerops.reconcile.web;

import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.plan.PlanQueries;
import com.partnerops.reconcile.plan.PlanRecord;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Who may see and finish which plan. An account sees a plan it submitted (rows for other customers were rejected
 * CUSTOMER_NOT_IN_SCOPE, their state never read) or one whose every customer it may touch; it finishes a plan
 * whose changes are all for its customers, and, with the four-eyes rule, a plan that removes anything only as an
 * approver who did not submit it.
 */
@Component
@ConditionalOnWebApplication
public class PlanAccess {

    private final PlanQueries queries;
    private final WebSettings settings;

    public PlanAccess(PlanQueries queries, WebSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    public boolean mayView(Account account, PlanRecord plan) {
        return account.allCustomers() || account.name().equals(plan.submittedBy())
                || account.customers().containsAll(queries.tenantsOf(plan.planId()));
    }

    /** @return why the account may not finish the plan; empty when it may */
    public Optional<String> whyNotFinish(Account account, PlanRecord plan) {
        if (!mayView(account, plan) || !(account.allCustomers()
                || account.customers().containsAll(queries.tenantsChanged(plan.planId())))) {
            return Optional.of("This plan changes customers your account may not manage.");
        }
        if (settings.fourEyes() && queries.plannedRemovals(plan.planId()) > 0) {
            if (!account.role().approves()) {
                return Optional.of("This plan removes licenses or roles: an approver finishes it (four-eyes rule).");
            }
            if (account.name().equals(plan.submittedBy())) {
                return Optional.of("This plan removes licenses or roles and you submitted it: a second approver"
                        + " finishes it (four-eyes rule).");
            }
        }
        return Optional.empty();
    }

    public boolean fourEyes() {
        return settings.fourEyes();
    }
}
