package com.partnerops.reconcile.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Seats per SKU for one customer while a plan is built. Purchased seats are the quantities of the SKU's usable
 * (active or grace-period) LICENSE or SAAS subscriptions added up; assigned seats start from the users' actual
 * assignments. {@link #take} never lets assigned exceed purchased: oversell is a bug.
 */
public final class SeatLedger {

    private static final class Account {
        final String sku;
        final List<Subscription> subscriptions = new ArrayList<>();
        int purchased;
        int assignedBefore;
        int assigned;
        int shortfall;

        Account(String sku) {
            this.sku = sku;
        }
    }

    private final String tenantId;
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    public SeatLedger(CustomerContext context) {
        this.tenantId = context.customer().tenantId();
        for (Subscription subscription : context.subscriptions()) {
            Account account = accounts.computeIfAbsent(Names.key(subscription.skuPartNumber()),
                    k -> new Account(subscription.skuPartNumber()));
            account.subscriptions.add(subscription);
            if (subscription.seatsUsable() && hasSeats(subscription.kind())) {
                account.purchased += subscription.quantity();
            }
        }
        context.assignedSeats().forEach((sku, count) -> {
            Account account = accounts.get(Names.key(sku));
            if (account != null) {
                account.assignedBefore += count;
                account.assigned += count;
            }
        });
    }

    private static boolean hasSeats(SubscriptionKind kind) {
        return kind == SubscriptionKind.LICENSE || kind == SubscriptionKind.SAAS;
    }

    /** Takes a seat if one is free; otherwise records the shortfall so the report can say how many to buy. */
    public boolean take(String sku) {
        Account account = account(sku);
        if (account.assigned < account.purchased) {
            account.assigned++;
            return true;
        }
        account.shortfall++;
        return false;
    }

    /** Gives a seat back; false when the ledger had none of the SKU assigned (nothing to give back). */
    public boolean release(String sku) {
        Account account = accounts.get(Names.key(sku));
        if (account != null && account.assigned > 0) {
            account.assigned--;
            return true;
        }
        return false;
    }

    /**
     * Undoes a {@link #release} that succeeded: the seat is held again even when the SKU is over-assigned, since
     * the user never gave it up.
     */
    public void reclaim(String sku) {
        account(sku).assigned++;
    }

    public int purchased(String sku) {
        return account(sku).purchased;
    }

    public int assigned(String sku) {
        return account(sku).assigned;
    }

    /** Seats to buy so that every addition this plan wanted for the SKU fits. */
    public int shortfall(String sku) {
        return account(sku).shortfall;
    }

    private Account account(String sku) {
        return Objects.requireNonNull(accounts.get(Names.key(sku)), () -> "no subscription for " + sku);
    }

    public List<SeatLine> lines(LocalDate today) {
        List<SeatLine> lines = new ArrayList<>();
        for (Account account : accounts.values()) {
            Subscription first = account.subscriptions.get(0);
            TreeSet<String> programs = new TreeSet<>();
            account.subscriptions.forEach(s -> programs.add(s.program().name()));
            lines.add(new SeatLine(tenantId, account.sku, first.productName(), first.kind(),
                    String.join("+", programs), account.purchased, account.assignedBefore, account.assigned,
                    account.purchased - account.assigned, account.shortfall, advice(account, today)));
        }
        return lines;
    }

    private static String advice(Account account, LocalDate today) {
        List<String> notes = new ArrayList<>();
        SubscriptionKind kind = account.subscriptions.get(0).kind();
        if (kind == SubscriptionKind.ADDON) {
            notes.add("tenant-level add-on: applies to the whole tenant, never assigned to users");
        } else if (kind == SubscriptionKind.SOFTWARE) {
            notes.add("software purchase: keys and downloads, never assigned to users");
        }
        int free = account.purchased - account.assigned;
        boolean nce = account.subscriptions.stream().anyMatch(s -> s.program() == Program.NCE);
        if (account.shortfall > 0) {
            notes.add("buy " + account.shortfall + " more seat" + (account.shortfall == 1 ? "" : "s")
                    + " to serve every requested assignment" + (nce ? " (NCE seats can be added at any time)" : ""));
        } else if (free < 0) {
            notes.add("over-assigned by " + -free + ": buy " + -free + " seat" + (free == -1 ? "" : "s")
                    + " or remove assignments");
        }
        if (free > 0 && hasSeats(kind)) {
            notes.add(unusedSeatAdvice(account, free, today));
        }
        for (Subscription s : account.subscriptions) {
            if (s.status() == SubscriptionStatus.WARNING) {
                notes.add("subscription " + s.subscriptionId() + " is in its grace period: renew it to keep its "
                        + s.quantity() + " seats");
            } else if (!s.seatsUsable()) {
                notes.add("subscription " + s.subscriptionId() + " is " + s.status().name().toLowerCase()
                        + ": its " + s.quantity() + " seats are not counted");
            }
            if ("unavailable".equalsIgnoreCase(String.valueOf(s.assignedDisplay()).strip())) {
                notes.add("portal shows assigned seats as Unavailable for " + s.subscriptionId()
                        + "; counted " + account.assignedBefore + " from user assignments");
            }
        }
        return String.join("; ", notes);
    }

    /** NCE seats may be reduced only in the first seven days after they were added; after that, at renewal. */
    private static String unusedSeatAdvice(Account account, int free, LocalDate today) {
        List<String> ways = new ArrayList<>();
        for (Subscription s : account.subscriptions) {
            if (!s.seatsUsable()) {
                continue;
            }
            if (s.program() == Program.LEGACY) {
                ways.add("legacy subscription " + s.subscriptionId() + " can be reduced at any time");
            } else if (s.reducibleSeats(today) > 0) {
                ways.add("NCE subscription " + s.subscriptionId() + " can be reduced"
                        + (s.refundable() == null ? "" : " by up to " + s.reducibleSeats(today)) + " until "
                        + s.reduceWindowEnd() + " (" + s.reduceWindowSource() + ")");
            } else {
                ways.add("NCE subscription " + s.subscriptionId() + " can be reduced only at renewal"
                        + (s.termEnd() == null ? "" : " on " + s.termEnd()));
            }
        }
        return free + " unused seat" + (free == 1 ? "" : "s") + ": " + String.join(", ", ways);
    }
}
