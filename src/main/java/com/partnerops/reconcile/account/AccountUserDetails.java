package com.partnerops.reconcile.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Sign-in against the store's accounts: a disabled account cannot sign in. */
@Component
public class AccountUserDetails implements UserDetailsService {

    private final AccountStore accounts;

    public AccountUserDetails(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = accounts.find(name).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.name()).password(accounts.passwordHash(name).orElseThrow())
                .roles(account.role().name()).disabled(!account.enabled()).build();
    }
}
