package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.state.Directory;
import com.partnerops.reconcile.state.StoreDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A directory that reads the store as it is; the tests' subclasses say how it applies (and fails). */
abstract class StoreReadingDirectory implements Directory {

    protected final StoreDirectory store;

    StoreReadingDirectory(StoreDirectory store) {
        this.store = store;
    }

    @Override
    public Optional<Customer> findCustomer(String reference) {
        return store.findCustomer(reference);
    }

    @Override
    public Optional<CustomerContext> loadCustomer(String tenantId) {
        return store.loadCustomer(tenantId);
    }

    @Override
    public Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> userPrincipalNames) {
        return store.loadUsers(tenantId, userPrincipalNames);
    }
}
