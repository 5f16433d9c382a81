package com.partnerops.reconcile.web;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.account.Account;
import com.partnerops.reconcile.application.RevertRequest;
import com.partnerops.reconcile.application.Reverter;
import com.partnerops.reconcile.apply.ApplyReportPublisher;
import com.partnerops.reconcile.plan.PlanQueries;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.ReviewViews;
import com.partnerops.reconcile.report.ReportSummary;
import com.partnerops.reconcile.report.ReviewView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** One plan: its progress while planning, its review, Finish, the apply's progress and result, its files. */
@Controller
@ConditionalOnWebApplication
public class PlanController {

    private static final List<String> FILES = List.of("plan.csv", "plan.xlsx", "seats.csv", "apply.csv");

    private final PlanStore plans;
    private final PlanQueries queries;
    private final ReviewViews views;
    private final ApplyReportPublisher applyReports;
    private final PlanAccess access;
    private final BackgroundWork work;
    private final SignedIn signedIn;
    private final Reverter reverter;
    private final Path reports;

    public PlanController(PlanStore plans, PlanQueries queries, ReviewViews views, ApplyReportPublisher applyReports,
            PlanAccess access, BackgroundWork work, SignedIn signedIn, Reverter reverter, ReconcileSettings settings) {
        this.plans = plans;
        this.queries = queries;
        this.views = views;
        this.applyReports = applyReports;
        this.access = access;
        this.work = work;
        this.signedIn = signedIn;
        this.reverter = reverter;
        this.reports = Path.of(settings.reports());
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String change, @RequestParam(required = false) String status,
            Principal principal, Model model) {
        Account account = signedIn.account(principal);
        PlanRecord plan = visiblePlan(account, planId);
        model.addAttribute("account", account);
        model.addAttribute("plan", plan);
        model.addAttribute("state", shownState(plan));
        model.addAttribute("problem", work.problem(planId).orElse(null));
        model.addAttribute("waitingFor", work.waitingFor(planId).orElse(null));
        if (plan.state().equals(PlanRecord.PLANNING) || plan.state().equals(PlanRecord.FAILED)) {
            return "planning";
        }
        ReviewViews.Filter filter = new ReviewViews.Filter(blankToNull(customer), blankToNull(change),
                blankToNull(status));
        ReviewView view = views.build(planId, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("view", view);
        // the summary's customers are every customer of the plan: the filter narrows the rows, not the figures
        model.addAttribute("customers", view.summary().customers());
        model.addAttribute("whyNotFinish", access.whyNotFinish(account, plan).orElse(null));
        model.addAttribute("removals", queries.plannedRemovals(planId));
        if (plan.state().equals(PlanRecord.APPLIED)) {
            model.addAttribute("applied", applyReports.summary(planId));
            model.addAttribute("appliedPerCustomer", queries.appliedPerCustomer(planId));
        }
        return "plan";
    }

    @GetMapping("/plans/{planId}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable String planId, Principal principal) {
        PlanRecord plan = visiblePlan(signedIn.account(principal), planId);
        PlanQueries.Progress progress = queries.progress(planId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", shownState(plan));
        answer.put("rowsRead", progress.rowsRead());
        answer.put("customersPlanned", progress.customersPlanned());
        answer.put("customersToPlan", progress.customersToPlan());
        answer.put("usersApplied", progress.usersApplied());
        answer.put("usersToApply", progress.usersToApply());
        answer.put("problem", work.problem(planId).orElse(null));
        answer.put("waitingFor", work.waitingFor(planId).orElse(null));
        return answer;
    }

    @GetMapping("/plans/{planId}/finish")
    String confirm(@PathVariable String planId, Principal principal, Model model) {
        Account account = signedIn.account(principal);
        PlanRecord plan = visiblePlan(account, planId);
        ReportSummary summary = plans.summary(planId);
        model.addAttribute("account", account);
        model.addAttribute("plan", plan);
        model.addAttribute("summary", summary);
        model.addAttribute("users", summary.customers().stream().mapToLong(ReportSummary.CustomerFigures::usersTouched)
                .sum());
        model.addAttribute("removals", queries.plannedRemovals(planId));
        model.addAttribute("whyNotFinish", access.whyNotFinish(account, plan).orElse(null));
        return "finish";
    }

    @PostMapping("/plans/{planId}/finish")
    String finish(@PathVariable String planId, Principal principal) {
        Account account = signedIn.account(principal);
        PlanRecord plan = visiblePlan(account, planId);
        access.whyNotFinish(account, plan).ifPresent(why -> {
            throw new AccessDeniedException(why);
        });
        work.apply(planId, account.name());
        return "redirect:/plans/" + planId;
    }

    /** Undo: a new plan whose rows take back what this one applied, reviewed (and finished) like any plan. */
    @PostMapping("/plans/{planId}/revert")
    String revert(@PathVariable String planId, Principal principal) {
        Account account = signedIn.account(principal);
        PlanRecord plan = visiblePlan(account, planId);
        if (!account.allCustomers() && !account.customers().containsAll(queries.tenantsChanged(planId))) {
            throw new AccessDeniedException("This plan changed customers your account may not manage.");
        }
        String revertId = reverter.revert(new RevertRequest(plan.planId(), List.of(), List.of(),
                "web revert by " + account.name(), account.name())).planId();
        return "redirect:/plans/" + revertId;
    }

    @GetMapping("/plans/{planId}/files/{name}")
    ResponseEntity<FileSystemResource> file(@PathVariable String planId, @PathVariable String name,
            Principal principal) {
        visiblePlan(signedIn.account(principal), planId);
        Path file = reports.resolve(planId).resolve(name);
        if (!FILES.contains(name) || !Files.isRegularFile(file)) {
            throw new WebErrors.NotFoundException("plan " + planId + " has no file " + name);
        }
        MediaType type = name.endsWith(".xlsx") ? MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.parseMediaType("text/csv; charset=UTF-8");
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(planId + "-" + name).build().toString())
                .body(new FileSystemResource(file));
    }

    /** A plan whose Finish was pressed shows as applying at once, before its apply job has started. */
    private String shownState(PlanRecord plan) {
        return work.applying(plan.planId()) && !plan.state().equals(PlanRecord.APPLIED) ? PlanRecord.APPLYING
                : plan.state();
    }

    /** A plan this account may not see answers as one that does not exist: its id tells nothing. */
    private PlanRecord visiblePlan(Account account, String planId) {
        return plans.find(planId).filter(plan -> access.mayView(account, plan))
                .orElseThrow(() -> new WebErrors.NotFoundException("no plan " + planId + " that you may see"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
