package com.partnerops.reconcile.web;

import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.account.AccountStore;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The account behind a request, read from the store each time: a disabled or narrowed account takes effect at once. */
@Component
@ConditionalOnWebApplication
public class SignedIn {

    private final AccountStore accounts;

    public SignedIn(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Account account(Principal principal) {
        return accounts.find(principal.getName()).filter(Account::enabled)
                .orElseThrow(() -> new AccessDeniedException("this account is disabled"));
    }
}
