package com.partnerops.reconcile.application;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.report.LicenseReport;
import com.partnerops.reconcile.report.LicenseReportSummary;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a written license report: the page as the HTML body, the workbook attached, through the SMTP server of
 * Spring Boot's {@code spring.mail.*} settings. Nothing here logs or prints the server's password, and what a
 * failure says is scrubbed of it in case a server or library ever echoes it.
 */
@Component
public class LicenseReportMailer {

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ObjectProvider<JavaMailSender> senders;
    private final ReconcileSettings settings;
    private final Environment environment;

    public LicenseReportMailer(ObjectProvider<JavaMailSender> senders, ReconcileSettings settings,
            Environment environment) {
        this.senders = senders;
        this.settings = settings;
        this.environment = environment;
    }

    /** @throws MailException when no server is set or the server did not take the message */
    public void send(LicenseReportSummary report, List<String> to) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new MailPreparationException("no SMTP server is set: set spring.mail.host (and spring.mail.port,"
                    + " spring.mail.username, spring.mail.password as the server needs)");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
            mail.setFrom(from());
            mail.setTo(to.toArray(String[]::new));
            mail.setSubject(report.headline());
            mail.setText(report.html(), true);
            mail.addAttachment(LicenseReport.XLSX, new FileSystemResource(report.xlsx()), XLSX_TYPE);
        } catch (MessagingException e) {
            throw new MailPreparationException("the message could not be made: " + e.getMessage(), e);
        }
        sender.send(message);
    }

    private String from() {
        if (!settings.mail().from().isBlank()) {
            return settings.mail().from();
        }
        String user = environment.getProperty("spring.mail.username", "");
        return user.contains("@") ? user : "reconcile@localhost";
    }

    /**
     * What went wrong, with the server's own reply (e.g. {@code 535 5.7.8 Authentication credentials invalid}):
     * every distinct message down the chain of causes, the password masked.
     */
    public String describe(MailException failure) {
        Set<String> messages = new LinkedHashSet<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        if (failure instanceof MailSendException send) {
            pending.addAll(send.getFailedMessages().values());
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t == null || seen.put(t, true) != null) {
                continue;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof MailSendException)) {
                messages.add(t.getMessage().strip());
            }
            pending.add(t.getCause());
            if (t instanceof MessagingException m) {
                pending.add(m.getNextException());
            }
        }
        String text = messages.isEmpty() ? failure.toString() : String.join(": ", messages);
        String password = environment.getProperty("spring.mail.password", "");
        return password.isEmpty() ? text : text.replace(password, "****");
    }
}
