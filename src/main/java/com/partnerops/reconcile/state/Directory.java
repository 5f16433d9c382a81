package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.PlannedChange;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one seam between the rules and the tenants: reading current state and applying changes. The embedded
 * store ({@link StoreDirectory}) is the first implementation; a Microsoft Graph one plugs in here without touching
 * the rules or the reports.
 */
public interface Directory {

    /** Finds a customer by tenant id, primary domain or exact customer name (case-insensitive). */
    Optional<Customer> findCustomer(String reference);

    /**
     * {@link #findCustomer} for a pass that resolves many references, such as a plan's desired rows: the store
     * reads all its customers once instead of running a query per reference.
     */
    default Function<String, Optional<Customer>> customerFinder() {
        return this::findCustomer;
    }

    /** Subscriptions, GDAP relationships and the seats assigned now; empty for an unknown tenant. */
    Optional<CustomerContext> loadCustomer(String tenantId);

    /** The named users that exist, keyed by {@code Names.key(userPrincipalName)}. */
    Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> userPrincipalNames);

    /**
     * {@link #loadCustomer} and {@link #loadUsers} for several customers at once: the store reads them with one
     * query per table, not several per customer. A tenant the directory does not have is left out.
     *
     * @param userPrincipalNames per tenant id, the users to read; keep it to a few hundred tenants
     */
    default Map<String, CustomerStates.CustomerState> loadCustomers(Map<String, List<String>> userPrincipalNames) {
        Map<String, CustomerStates.CustomerState> states = new LinkedHashMap<>();
        userPrincipalNames.forEach((tenantId, upns) -> loadCustomer(tenantId).ifPresent(context -> states.put(
                tenantId, new CustomerStates.CustomerState(context, loadUsers(tenantId, upns)))));
        return states;
    }

    /**
     * Carries out one user's changes, in order, and says what became of each: applied, failed (with the reason), or
     * skipped because an earlier one failed. The changes before a failure stay made; none after it is attempted. The
     * caller has checked that the user is still as planned and that seats and GDAP allow it, and records each
     * outcome. An exception means nothing can be said of any of them (the store rolls the whole chunk back).
     *
     * @return one outcome per change, in the same order
     */
    List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes);

    /** One user's changes that the guard let through, for {@link #applyAll}. */
    record UserChanges(DirectoryUser user, List<PlannedChange> changes) {
        public UserChanges {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Several users of one customer, in the order given (those who free seats first), each as {@link #apply} does
     * it. A directory that can send many users' calls in one request (Graph's {@code $batch}) does so; the rest make
     * them one user after another. A user's change that takes a seat another user of the list frees is made after
     * that other user's.
     *
     * @return per user, one outcome per change, in the same order
     */
    default List<List<ChangeOutcome>> applyAll(List<UserChanges> users) {
        return users.stream().map(u -> apply(u.user(), u.changes())).toList();
    }
}
