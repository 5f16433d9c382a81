package com.partnerops.reconcile.web;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.application.PlanRequest;
import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.plan.PlanListing;
import com.partnerops.reconcile.plan.PlanQueries;
import com.partnerops.reconcile.plan.PlanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The list of plans and the New plan page: files in, a plan out (planned in the background). */
@Controller
@ConditionalOnWebApplication
public class PlansController {

    private static final int PLANS_LISTED = 200;

    private final Reconciler reconciler;
    private final BackgroundWork work;
    private final PlanQueries queries;
    private final PlanStore plans;
    private final PlanAccess access;
    private final SignedIn signedIn;
    private final Path uploads;

    public PlansController(Reconciler reconciler, BackgroundWork work, PlanQueries queries, PlanStore plans,
            PlanAccess access, SignedIn signedIn, ReconcileSettings settings) {
        this.reconciler = reconciler;
        this.work = work;
        this.queries = queries;
        this.plans = plans;
        this.access = access;
        this.signedIn = signedIn;
        this.uploads = Path.of(settings.reports(), "uploads");
    }

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/plans")
    String list(Principal principal, Model model) {
        Account account = signedIn.account(principal);
        List<PlanListing> visible = queries.recent(PLANS_LISTED).stream()
                .filter(listing -> plans.find(listing.planId()).filter(p -> access.mayView(account, p)).isPresent())
                .toList();
        model.addAttribute("account", account);
        model.addAttribute("plans", visible);
        return "plans";
    }

    @GetMapping("/plans/new")
    String newPlan(Principal principal, Model model) {
        model.addAttribute("account", signedIn.account(principal));
        return "new-plan";
    }

    /** Unusable files are refused here, before anything is planned; their contents are checked by the plan job. */
    @PostMapping("/plans")
    String submit(@RequestParam("files") List<MultipartFile> files, @RequestParam(required = false) String sheet,
            @RequestParam(defaultValue = "false") boolean additive, Principal principal) throws IOException {
        Account account = signedIn.account(principal);
        List<MultipartFile> given = files.stream().filter(f -> !f.isEmpty() || !f.getOriginalFilename().isBlank())
                .toList();
        if (given.isEmpty()) {
            throw new UploadCheck.RefusedUploadException("No file was chosen: drop one or more CSV or .xlsx files.");
        }
        List<UploadCheck.Kind> kinds = new ArrayList<>();
        for (MultipartFile file : given) {
            kinds.add(UploadCheck.kind(file));
        }
        Path dir = Files.createDirectories(uploads.resolve(UUID.randomUUID().toString()));
        List<Path> saved = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Path target = dir.resolve(UploadCheck.storedName(given.get(i), kinds.get(i)));
            given.get(i).transferTo(target);
            saved.add(target);
        }
        String options = "web upload by " + account.name() + (additive ? ", additive" : "")
                + (sheet == null || sheet.isBlank() ? "" : ", sheet " + sheet.strip());
        String planId = reconciler.begin(new PlanRequest(saved, sheet == null || sheet.isBlank() ? null
                : sheet.strip(), List.of(), additive, options, account.name(), account.scope()));
        work.plan(planId);
        return "redirect:/plans/" + planId;
    }
}
