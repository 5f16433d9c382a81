package com.partnerops.reconcile.application;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.Setting;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.Directory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The customers a command is limited to, as the admin named them: each must be a customer in the store. Messages
 * name the setting neutrally; the surface that prints them words it ({@code Printer.error} as the flag).
 */
final class CustomerReferences {

    /**
     * A plan keeps its customer options as given and the tenants they name; this many, each naming a customer (a
     * name or domain of at most 255 characters), always fit the store's 1,000,000 characters.
     */
    static final int MAX_CUSTOMER_OPTIONS = 1000;

    private CustomerReferences() {
    }

    /** @return the tenant ids, in the order named, each once */
    static List<String> resolve(Directory directory, List<String> references) {
        if (references.size() > MAX_CUSTOMER_OPTIONS) {
            throw new UnusableInputException(Setting.CUSTOMER.neutral(), null, 0, null, "given " + references.size()
                    + " times; at most " + MAX_CUSTOMER_OPTIONS + ": leave it out (the files' customer column"
                    + " chooses) or plan in several runs");
        }
        Set<String> tenants = new LinkedHashSet<>();
        for (String reference : references) {
            Optional<Customer> customer = directory.findCustomer(reference);
            if (customer.isEmpty()) {
                throw new UnusableInputException(Setting.CUSTOMER.neutral() + " " + reference, null, 0, null,
                        "matches no customer in the store (give a tenant id, domain or exact name; import-state first)");
            }
            tenants.add(customer.get().tenantId());
        }
        return List.copyOf(tenants);
    }
}
