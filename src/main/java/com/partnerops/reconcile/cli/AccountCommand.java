package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.account.AccountRole;
import com.partnerops.reconcile.account.AccountStore;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.Directory;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code account add|list|disable}: the web front end's accounts, kept in the store. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage the web front end's accounts.",
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Disable.class})
class AccountCommand implements Runnable {

    /** A password shorter than this is refused: it guards who may strip licenses from whole tenants. */
    static final int MIN_PASSWORD_LENGTH = 12;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account, or reset its password,"
            + " role and customers. The password is read from the terminal, or from standard input when that is not"
            + " a terminal (one line), and kept as a bcrypt hash.")
    static class Add implements Callable<Integer> {

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "NAME", description = "The sign-in name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "technician, approver or admin.")
        String role;

        @Option(names = "--customers", required = true, paramLabel = "ID,ID|*",
                description = "The customers (tenant id, domain or exact name) the account may plan for and see, or"
                        + " * for every customer.")
        String customers;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AccountRole accountRole = AccountRole.parse(role).orElseThrow(() -> new UnusableInputException("--role "
                    + role, null, 0, null, "is not a role: give technician, approver or admin"));
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new UnusableInputException("account " + name, null, 0, null, "a name is 1 to 64 letters,"
                        + " digits and . _ @ -");
            }
            try (ConfigurableApplicationContext context = Main.start(store, "account add " + name)) {
                Account account = customers.strip().equals("*")
                        ? new Account(name, accountRole, true, List.of(), true)
                        : new Account(name, accountRole, false, tenants(context.getBean(Directory.class)), true);
                char[] password = readPassword(spec.commandLine().getErr());
                try {
                    context.getBean(AccountStore.class).save(account, password);
                } finally {
                    Arrays.fill(password, ' ');
                }
                spec.commandLine().getOut().println("account " + name + ": " + accountRole.label() + ", customers "
                        + (account.allCustomers() ? "*" : String.join(",", account.customers())));
                return ExitCodes.OK;
            }
        }

        private List<String> tenants(Directory directory) {
            List<String> tenants = new ArrayList<>();
            for (String reference : customers.split(",")) {
                if (reference.isBlank()) {
                    continue;
                }
                tenants.add(directory.findCustomer(reference.strip()).map(Customer::tenantId)
                        .orElseThrow(() -> new UnusableInputException("--customers " + reference.strip(), null, 0,
                                null, "matches no customer in the store (give a tenant id, domain or exact name;"
                                        + " import-state first)")));
            }
            if (tenants.isEmpty()) {
                throw new UnusableInputException("--customers", null, 0, null, "names no customer: give tenant ids,"
                        + " domains or names separated by commas, or *");
            }
            return tenants;
        }

        private static char[] readPassword(PrintWriter err) {
            Console console = System.console();
            char[] password;
            if (console != null) {
                password = console.readPassword("password for the account: ");
                char[] again = console.readPassword("the same password again: ");
                if (password == null || !Arrays.equals(password, again)) {
                    throw new UnusableInputException("password", null, 0, null, "the two entries differ; nothing"
                            + " was changed");
                }
            } else {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
                    password = line == null ? new char[0] : line.toCharArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the password from standard input", e);
                }
            }
            if (password.length < MIN_PASSWORD_LENGTH) {
                throw new UnusableInputException("password", null, 0, null, "is shorter than " + MIN_PASSWORD_LENGTH
                        + " characters; nothing was changed");
            }
            return password;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static class ListAccounts implements Callable<Integer> {

        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Main.start(store, "account list")) {
                Printer printer = new Printer(spec.commandLine().getOut());
                List<Account> accounts = context.getBean(AccountStore.class).all();
                if (accounts.isEmpty()) {
                    printer.line("no accounts: add one with ./reconcile account add NAME --role admin --customers '*'");
                }
                accounts.forEach(a -> printer.line(String.format("%-24s %-10s %-8s %s", a.name(), a.role().label(),
                        a.enabled() ? "enabled" : "disabled", a.allCustomers() ? "*" : String.join(",",
                                a.customers()))));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it can no longer sign in; what it did stays in the history.")
    static class Disable implements Callable<Integer> {

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Main.start(store, "account disable " + name)) {
                if (!context.getBean(AccountStore.class).disable(name)) {
                    throw new UnusableInputException("account " + name, null, 0, null, "no such account");
                }
                spec.commandLine().getOut().println("account " + name + ": disabled");
                return ExitCodes.OK;
            }
        }
    }
}
