package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web front end in a real browser: Debian's headless Chromium driven by Playwright, against {@code serve} on a
 * throw-away store. Each test saves a screenshot of what it saw under target/screenshots/.
 */
class WebFrontEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CONTOSO = "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";

    static Playwright playwright;
    static Browser browser;

    @TempDir
    Path work;
    Cli cli;
    ConfigurableApplicationContext server;
    String base;
    Page page;
    String testName;

    @BeforeAll
    static void startBrowser() {
        assertThat(CHROMIUM).as("Debian's chromium package (.ci/run installs it)").isExecutable();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void importSamples(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        if (page != null) {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + ".png"))
                    .setFullPage(true));
            page.context().close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAdminUploadsTheSamplesReviewsWhatPlanSaysAndFinishesToWhatApplyCsvSays() throws Exception {
        addAccount("admin", "admin", "*");
        serve(Map.of());
        signIn("admin");

        String planId = upload(Cli.sample("desired-users.csv"), Cli.sample("desired-lycee.xlsx"));

        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("review-page.png")));
        List<Map<String, String>> planCsv = SampleRunTest.csv(cli.reportDir(planId).resolve("plan.csv"));
        assertThat(statusCount("PLANNED")).isEqualTo(count(planCsv, "PLANNED")).isPositive();
        assertThat(statusCount("REJECTED")).isEqualTo(count(planCsv, "REJECTED")).isPositive();
        // the planned changes, grouped by user, as the summary.html of the same plan lists them
        assertThat(page.locator("li.change").count()).isEqualTo((int) count(planCsv, "PLANNED"));
        assertThat(page.locator("section.customer[data-tenant='" + CONTOSO + "'] .landing").innerText())
                .isEqualTo("store only");
        assertThat(Files.readString(cli.reportDir(planId).resolve("summary.html")))
                .contains("adele.vance@contoso.com", "+ license O365_BUSINESS_ESSENTIALS");
        assertThat(page.locator("svg.bars").count()).isPositive();

        page.click("#finish");
        assertThat(page.locator("#what-happens").innerText()).contains(count(planCsv, "PLANNED") + " changes to 13"
                + " users");
        page.click("#confirm");
        page.waitForSelector("#result");

        List<Map<String, String>> applyCsv = SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"));
        assertThat(appliedCount("APPLIED")).isEqualTo(count(applyCsv, "APPLIED")).isEqualTo(count(planCsv,
                "PLANNED"));
        assertThat(cli.run("history", "--plan", planId).out()).contains(" admin ");
        page.navigate(base + "/plans");
        assertThat(page.locator("#plans").innerText()).contains(planId, "APPLIED", "admin");
        page.navigate(base + "/plans/" + planId);
        page.click("#revert");
        page.waitForSelector("#state");
        assertThat(page.locator("h1").innerText()).contains("revert of " + planId + ", applied on 2026-11-24 09:00"
                + " UTC by admin");
        assertThat(statusCount("PLANNED")).isEqualTo(count(applyCsv, "APPLIED"));

        byte[] xlsx = page.request().get(base + "/plans/" + planId + "/files/plan.xlsx").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            // the Changes sheet: every planned change but the marketplace SaaS seats, which have a sheet of their own
            assertThat(workbook.getSheet("Changes").getLastRowNum()).isEqualTo((int) planCsv.stream()
                    .filter(r -> r.get("status").equals("PLANNED") && !r.get("change").contains("SAAS")).count());
        }
    }

    @Test
    void aTechnicianSeesOnlyTheirCustomerAndRowsForOthersAreRejectedNotInScope() throws Exception {
        addAccount("admin", "admin", "*");
        addAccount("tech", "technician", "contoso.onmicrosoft.com");
        serve(Map.of());
        signIn("admin");
        String adminPlan = upload(Cli.sample("desired-users.csv"));
        page.context().close();

        page = browser.newContext().newPage();
        signIn("tech");
        String planId = upload(Cli.sample("desired-users.csv"), Cli.sample("desired-lycee.xlsx"));

        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(planId).resolve("plan.csv"));
        assertThat(rows).filteredOn(r -> !r.get("tenantId").equals(CONTOSO) && !r.get("tenantId").isEmpty())
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("reason")).isEqualTo("CUSTOMER_NOT_IN_SCOPE"));
        assertThat(rows).filteredOn(r -> r.get("tenantId").equals(CONTOSO) && r.get("status").equals("PLANNED"))
                .isNotEmpty();
        // nothing of the other customers' state: their subscriptions' names come only from the store
        assertThat(page.content()).contains("CUSTOMER_NOT_IN_SCOPE").doesNotContain("Microsoft 365 A3 for Faculty");

        page.navigate(base + "/plans");
        assertThat(page.locator("#plans").innerText()).contains(planId).doesNotContain(adminPlan);
        // another customer's plan by guessing its URL: as if it did not exist
        page.navigate(base + "/plans/" + adminPlan);
        assertThat(page.locator("#message").innerText()).contains("no plan " + adminPlan + " that you may see");
        assertThat(page.request().get(base + "/plans/" + adminPlan + "/files/plan.csv").status()).isEqualTo(404);
        assertThat(page.request().get(base + "/plans/" + adminPlan + "/progress").status()).isEqualTo(404);
    }

    @Test
    void withFourEyesTheSubmitterCannotFinishRemovalsAndASecondApproverCan() throws Exception {
        addAccount("ann", "approver", "*");
        addAccount("bob", "approver", "*");
        serve(Map.of("reconcile.web.four-eyes", "true"));
        signIn("ann");
        String planId = upload(Cli.sample("desired-users.csv"));

        assertThat(page.locator("#why-not").innerText()).contains("you submitted it", "four-eyes");
        assertThat(page.locator("#finish").count()).isZero();
        // nor by posting the form anyway
        page.navigate(base + "/plans/" + planId + "/finish");
        assertThat(page.locator("#confirm").count()).isZero();
        page.context().close();

        page = browser.newContext().newPage();
        signIn("bob");
        page.navigate(base + "/plans/" + planId);
        page.click("#finish");
        page.click("#confirm");
        page.waitForSelector("#result");
        assertThat(appliedCount("APPLIED")).isPositive();
        assertThat(cli.run("history", "--plan", planId).out()).contains(" bob ").doesNotContain(" ann ");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        addAccount("admin", "admin", "*");
        serve(Map.of());
        signIn("admin");

        int status = page.request().post(base + "/plans", RequestOptions.create().setMultipart(FormData.create()
                .set("files", new FilePayload("desired.csv", "text/csv", Files.readAllBytes(
                        Cli.sample("desired-users.csv")))))).status();

        assertThat(status).isEqualTo(403);
        try (var db = cli.connect()) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM plan")).isZero();
        }
    }

    @Test
    void aProgramRenamedXlsxIsRefusedWithAMessageAndNothingIsPlanned() throws Exception {
        addAccount("admin", "admin", "*");
        serve(Map.of());
        signIn("admin");
        Path exe = work.resolve("desired.xlsx");
        Files.write(exe, ("MZ\u0090\u0000\u0003" + "This program cannot be run in DOS mode.")
                .getBytes(StandardCharsets.ISO_8859_1));

        page.navigate(base + "/plans/new");
        page.setInputFiles("#files", exe);
        page.click("#plan");

        assertThat(page.locator("#message").innerText()).contains("desired.xlsx: neither a CSV text file nor an"
                + " Excel workbook");
        try (var db = cli.connect()) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM plan")).isZero();
        }
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        addAccount("admin", "admin", "*");
        serve(Map.of());
        page = browser.newContext().newPage();
        page.navigate(base + "/plans");
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", "not the password at all");
        page.click("#sign-in");

        assertThat(page.content()).contains("The name or password is wrong");
        assertThat(page.url()).contains("/login");
    }

    /** {@code account add}, the password on standard input as a script gives it. */
    private void addAccount(String name, String role, String customers) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            Cli.Result added = cli.run("account add", name, "--role", role, "--customers", customers);
            assertThat(added.exitCode()).as(added.out() + added.err()).isZero();
            assertThat(added.out() + added.err()).doesNotContain(PASSWORD);
        } finally {
            System.setIn(stdin);
        }
    }

    private void serve(Map<String, String> settings) {
        server = cli.serve(settings);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    }

    private void signIn(String name) {
        if (page == null) {
            page = browser.newContext().newPage();
        }
        page.navigate(base + "/plans");
        page.fill("input[name=username]", name);
        page.fill("input[name=password]", PASSWORD);
        page.click("#sign-in");
        page.waitForURL(base + "/plans");
    }

    /** Uploads the files on the New plan page and waits for the review; returns the plan id. */
    private String upload(Path... files) {
        page.navigate(base + "/plans/new");
        page.setInputFiles("#files", files);
        page.click("#plan");
        page.waitForSelector("#state", new Page.WaitForSelectorOptions().setTimeout(60_000));
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    private long statusCount(String status) {
        return Long.parseLong(page.locator(".review .status-counts [data-status='" + status + "']").innerText());
    }

    private long appliedCount(String status) {
        return Long.parseLong(page.locator("#applied-counts [data-status='" + status + "']").innerText());
    }

    private static long count(List<Map<String, String>> rows, String status) {
        return rows.stream().filter(r -> r.get("status").equals(status)).collect(Collectors.counting());
    }
}
