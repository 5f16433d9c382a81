package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report licenses --mail-to}: the report goes to a real SMTP server running in this JVM (GreenMail, which
 * insists on the account's password) and is read back as the recipient gets it. The password never shows in
 * anything the command prints or logs.
 */
class LicenseReportMailTest {

    private static final String USER = "reports@partner.example";
    private static final String PASSWORD = "s3cret-Smtp-Passw0rd";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD))
            .withPerMethodLifecycle(true);

    private static final Map<String, String> MAIL_SETTINGS = Map.of(
            "spring.mail.host", "127.0.0.1",
            "spring.mail.username", USER,
            "spring.mail.properties.mail.smtp.auth", "true");

    @TempDir
    Path work;
    Cli cli;

    @BeforeEach
    void importTheSamples() {
        cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
    }

    @AfterEach
    void forgetTheMailSettings() {
        MAIL_SETTINGS.keySet().forEach(System::clearProperty);
        System.clearProperty("spring.mail.port");
        System.clearProperty("spring.mail.password");
    }

    /** Spring Boot's standard spring.mail.* settings, as -D options through RECONCILE_JAVA_OPTS would give them. */
    private void mailSettings(String password) {
        MAIL_SETTINGS.forEach(System::setProperty);
        System.setProperty("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
        System.setProperty("spring.mail.password", password);
    }

    private Cli.Result report(String... mailTo) {
        List<String> args = new ArrayList<>(List.of("--out", work.resolve("out").toString(), "--prices",
                Cli.sample("prices.csv").toString()));
        for (String to : mailTo) {
            args.add("--mail-to");
            args.add(to);
        }
        return cli.run("report licenses", args.toArray(String[]::new));
    }

    @Test
    void theRecipientGetsThePageAsBodyAndTheWorkbookAttached() throws Exception {
        mailSettings(PASSWORD);

        Printed printed = capture(() -> report("billing@partner.example", "ops@partner.example"));

        assertThat(printed.result().exitCode()).as(printed.all()).isZero();
        assertThat(printed.result().out()).contains("mailed to: billing@partner.example, ops@partner.example");
        assertThat(printed.all()).doesNotContain(PASSWORD, base64(PASSWORD), base64("\0" + USER + "\0" + PASSWORD));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject())
                .isEqualTo("License report 2026-11-24: 4 actions, 85.10 EUR a month in unused seats");
        assertThat(mail.getFrom()[0].toString()).isEqualTo(USER);
        List<Part> parts = leaves(mail);
        Part body = parts.stream().filter(p -> is(p, "text/html")).findFirst().orElseThrow();
        // SMTP carries lines ending in CRLF
        assertThat(((String) body.getContent()).replace("\r\n", "\n"))
                .isEqualTo(Files.readString(work.resolve("out/license-report.html"), StandardCharsets.UTF_8))
                .contains("reduce 7 seats before 2026-11-27", "<svg ");
        Part attachment = parts.stream().filter(p -> "license-report.xlsx".equals(fileName(p))).findFirst()
                .orElseThrow();
        try (InputStream in = attachment.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Actions").getRow(1).getCell(4).getStringCellValue())
                    .isEqualTo("reduce 7 seats before 2026-11-27");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
        }
    }

    @Test
    void aRefusedSendExitsSixWithTheServersReplyAndKeepsTheFiles() throws Exception {
        mailSettings("wrong-" + PASSWORD);

        Printed printed = capture(() -> report("billing@partner.example"));

        assertThat(printed.result().exitCode()).as(printed.all()).isEqualTo(ExitCodes.MAIL_NOT_SENT);
        assertThat(printed.result().err()).startsWith("error: the report is written to " + work.resolve("out")
                + ", but the mail to billing@partner.example was not sent: ").contains("535 5.7.8  Authentication credentials invalid");
        assertThat(printed.all()).doesNotContain(PASSWORD, base64("wrong-" + PASSWORD));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        for (String file : List.of("license-report.csv", "license-report.xlsx", "license-report.html")) {
            assertThat(work.resolve("out").resolve(file)).isNotEmptyFile();
        }
    }

    @Test
    void withoutAnSmtpServerSetTheReportIsWrittenAndTheCommandSaysWhatToSet() {
        Cli.Result result = report("billing@partner.example");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.MAIL_NOT_SENT);
        assertThat(result.err()).contains("no SMTP server is set: set spring.mail.host");
        assertThat(work.resolve("out/license-report.xlsx")).isNotEmptyFile();
    }

    /** What a command printed and what was logged meanwhile (the console log goes to System.out). */
    private record Printed(Cli.Result result, String logged) {
        String all() {
            return result.out() + result.err() + logged;
        }
    }

    private static Printed capture(Supplier<Cli.Result> command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(logged, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return new Printed(command.get(), logged.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static boolean is(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
