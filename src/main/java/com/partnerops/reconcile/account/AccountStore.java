package com.partnerops.reconcile.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Web accounts in the store. A password is hashed with bcrypt on the way in and never kept or shown as given. */
@Component
public class AccountStore {

    private static final String ALL_CUSTOMERS = "*";
    private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccountStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static PasswordEncoder passwordEncoder() {
        return BCRYPT;
    }

    /** Adds the account, or replaces its password, role and customers (and enables it) when it exists. */
    public void save(Account account, char[] password) {
        String hash = BCRYPT.encode(new String(password));
        String customers = account.allCustomers() ? ALL_CUSTOMERS : String.join("\n", account.customers());
        int updated = jdbc.update("UPDATE web_account SET password_hash = ?, role = ?, customers = ?, enabled = TRUE"
                + " WHERE name = ?", hash, account.role().name(), customers, account.name());
        if (updated == 0) {
            jdbc.update("INSERT INTO web_account (name, password_hash, role, customers, enabled, created_at)"
                    + " VALUES (?, ?, ?, ?, TRUE, ?)", account.name(), hash, account.role().name(), customers,
                    clock.instant().atOffset(ZoneOffset.UTC));
        }
    }

    /** @return false when there is no such account */
    public boolean disable(String name) {
        return jdbc.update("UPDATE web_account SET enabled = FALSE WHERE name = ?", name) == 1;
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM web_account ORDER BY name", ACCOUNT);
    }

    public Optional<Account> find(String name) {
        return jdbc.query("SELECT * FROM web_account WHERE name = ?", ACCOUNT, name).stream().findFirst();
    }

    /** The bcrypt hash to check a sign-in against; empty for an unknown account. */
    public Optional<String> passwordHash(String name) {
        return jdbc.queryForList("SELECT password_hash FROM web_account WHERE name = ?", String.class, name).stream()
                .findFirst();
    }

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> {
        String customers = rs.getString("customers");
        boolean all = ALL_CUSTOMERS.equals(customers);
        return new Account(rs.getString("name"), AccountRole.valueOf(rs.getString("role")), all,
                all || customers.isEmpty() ? List.of() : Arrays.asList(customers.split("\n")),
                rs.getBoolean("enabled"));
    };
}
