package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Subscription;
import java.time.Instant;
import java.util.List;

/** One customer's state as read live, whole: it replaces the customer's stored state in one transaction. */
record ReadCustomer(Customer customer, List<Subscription> subscriptions, List<GdapRelationship> relationships,
        List<DirectoryUser> users, Instant readAt) {
}
