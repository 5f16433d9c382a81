package com.partnerops.reconcile.web;

import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.application.History;
import com.partnerops.reconcile.application.HistoryPage;
import com.partnerops.reconcile.application.HistoryQuery;
import com.partnerops.reconcile.apply.AuditHistory;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, searchable by customer, user and plan; an account sees its customers' changes only. */
@Controller
@ConditionalOnWebApplication
public class HistoryController {

    private static final int LIMIT = 500;

    private final History history;
    private final SignedIn signedIn;

    public HistoryController(History history, SignedIn signedIn) {
        this.history = history;
        this.signedIn = signedIn;
    }

    @GetMapping("/history")
    String history(@RequestParam(required = false) String customer, @RequestParam(required = false) String user,
            @RequestParam(required = false) String plan, Principal principal, Model model) {
        Account account = signedIn.account(principal);
        HistoryPage page = history.find(new HistoryQuery(blankToNull(customer), blankToNull(user), blankToNull(plan),
                LIMIT));
        List<AuditHistory.Entry> entries = page.entries().stream().filter(e -> account.mayTouch(e.tenantId()))
                .toList();
        model.addAttribute("account", account);
        model.addAttribute("entries", entries);
        model.addAttribute("olderExist", page.olderExist());
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        model.addAttribute("plan", plan);
        return "history";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
