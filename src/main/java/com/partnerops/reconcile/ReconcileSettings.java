package com.partnerops.reconcile;

import com.partnerops.reconcile.apply.ApplyRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code reconcile.*} setting in one typed place (README lists them with their defaults). Spring Boot binds
 * them from application.properties, {@code -D} options and environment variables (relaxed binding:
 * {@code RECONCILE_APPLYTHREADS}); the CLI's flags set some of them for one command.
 *
 * @param db the store's JDBC URL; its default, an embedded HSQLDB file store under {@code data/}, is in
 *     application.properties beside the data source settings that use it
 * @param reports the folder reports go to
 * @param gdapPolicy a CSV replacing the built-in table of which GDAP roles allow which change; blank for built-in
 * @param now pins the clock (ISO instant), for tests and demos; blank for the system clock
 * @param operator who apply records in the audit log; blank for the operating-system user
 * @param lockWait how long a command waits for another process's lock on the store before exiting 5; its default
 *     is in application.properties, since the file lock is taken before these settings are bound
 * @param threads plan's partitions: customers planned at once
 * @param applyThreads apply's partitions: customers applied at once
 * @param apply how apply cuts its work
 * @param guard what apply insists on before it changes anything, unless a command says otherwise
 * @param mail how the license report is mailed (the SMTP server itself: Spring Boot's {@code spring.mail.*})
 * @param graph how {@code import-state --from graph} reaches Microsoft Graph and signs in
 * @param partnerCenter where Partner Center's API is
 */
@ConfigurationProperties("reconcile")
public record ReconcileSettings(
        String db,
        @DefaultValue("reports") String reports,
        @DefaultValue("") String gdapPolicy,
        @DefaultValue("") String now,
        @DefaultValue("") String operator,
        Duration lockWait,
        @DefaultValue("2") int threads,
        @DefaultValue("1") int applyThreads,
        @DefaultValue Apply apply,
        @DefaultValue Guard guard,
        @DefaultValue Mail mail,
        @DefaultValue Graph graph,
        @DefaultValue PartnerCenter partnerCenter) {

    /**
     * @param usersPerChunk users per apply transaction. 1,000 by default: each transaction commits (synced) with
     *     its job-repository update and counts its customers' seats from their license rows, so a customer whose
     *     users fall into two chunks is counted twice; at a million users 1,000 took about 3 s less than 100, and
     *     5,000 was slower again. A crash redoes at most one chunk per thread, never a change twice.
     */
    public record Apply(@DefaultValue("1000") int usersPerChunk) {
    }

    /**
     * @param maxPlanAge a reviewed plan older than this is refused
     * @param maxRemovals per customer
     * @param maxRemovalPercent per customer; null for no such limit
     */
    public record Guard(@DefaultValue("24h") Duration maxPlanAge, @DefaultValue("500") int maxRemovals,
            Integer maxRemovalPercent) {

        public ApplyRules rules() {
            return new ApplyRules(maxPlanAge, maxRemovals, maxRemovalPercent, false);
        }
    }

    /** @param from the sender; blank for {@code spring.mail.username}, or {@code reconcile@localhost} without one */
    public record Mail(@DefaultValue("") String from) {
    }

    /**
     * The live read (issue 10): the partner's multitenant app and its service user's refresh token (the Secure
     * Application Model). Base URLs are used as given, so a local emulator is {@code https://127.0.0.1:PORT/...};
     * the OAuth scopes stay Microsoft's resource URIs whatever they are.
     *
     * @param baseUrl Microsoft Graph, version included
     * @param authority the Microsoft Entra sign-in host; tokens come from
     *     {@code {authority}/{tenant}/oauth2/v2.0/token}
     * @param partnerTenantId the partner's own tenant: Partner Center and GDAP relationships are read there
     * @param clientId the multitenant app registered in the partner tenant
     * @param clientSecret its secret; never printed, logged or stored
     * @param refreshToken the service user's refresh token; blank to read (and keep) it in {@code refreshTokenFile}
     * @param refreshTokenFile where the latest refresh token is kept, owner-only, replaced at every exchange
     * @param concurrency customers read at once
     * @param maxAttempts tries per request when Graph or Partner Center answers 429, 503 or 504
     * @param maxRetryAfter the longest Retry-After honoured before the customer counts as unreadable
     * @param writeConcurrency customers read live that apply writes at once (each by one thread, in order)
     * @param writeLimits the writes apply sends at most, per sliding window: Microsoft's documented limits
     */
    public record Graph(
            @DefaultValue("https://graph.microsoft.com/v1.0") String baseUrl,
            @DefaultValue("https://login.microsoftonline.com") String authority,
            @DefaultValue("") String partnerTenantId,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String refreshToken,
            @DefaultValue("data/graph-refresh-token") String refreshTokenFile,
            @DefaultValue("8") int concurrency,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("120s") Duration maxRetryAfter,
            @DefaultValue("8") int writeConcurrency,
            @DefaultValue WriteLimits writeLimits) {

        /** The secrets are masked: a record's toString would otherwise print them in any log of the settings. */
        @Override
        public String toString() {
            return "Graph[baseUrl=" + baseUrl + ", authority=" + authority + ", partnerTenantId=" + partnerTenantId
                    + ", clientId=" + clientId + ", clientSecret=" + (clientSecret.isEmpty() ? "" : "***")
                    + ", refreshToken=" + (refreshToken.isEmpty() ? "" : "***") + ", refreshTokenFile="
                    + refreshTokenFile + ", concurrency=" + concurrency + ", maxAttempts=" + maxAttempts
                    + ", maxRetryAfter=" + maxRetryAfter + ", writeConcurrency=" + writeConcurrency
                    + ", writeLimits=" + writeLimits + "]";
        }
    }

    /**
     * Microsoft Graph's documented write limits for directory objects, each counted over a sliding window: per app
     * and tenant, per tenant (all apps), per app across all tenants. Every write counts, a {@code $batch} item
     * each.
     */
    public record WriteLimits(
            @DefaultValue("3000") int perAppAndTenant,
            @DefaultValue("150s") Duration perAppAndTenantWindow,
            @DefaultValue("18000") int perTenant,
            @DefaultValue("5m") Duration perTenantWindow,
            @DefaultValue("35000") int perApp,
            @DefaultValue("5m") Duration perAppWindow) {
    }

    /** @param baseUrl Partner Center's API, without {@code /v1} (its paging links come with or without it) */
    public record PartnerCenter(@DefaultValue("https://api.partnercenter.microsoft.com") String baseUrl) {
    }

    /** Who the audit log names: the setting, or the operating-system user running the job. */
    public String operatorOrSystemUser() {
        return operator.isBlank() ? System.getProperty("user.name") : operator;
    }
}
