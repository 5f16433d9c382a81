package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply serves users in an order in which every seat the plan counted on is free when its user's turn comes. */
class ApplySeatOrderTest {

    @TempDir
    Path work;

    @Test
    void usersSwappingLicensesEarlyInTheFileFindTheSeatsThatUsersLaterInTheFileGiveUp() throws Exception {
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        // SPB: 5 bought, 4 held, so 1 free. Isaiah and Lynne move to SPB; Adele, further down, gives hers up: the
        // plan counts her seat for them, so apply must serve her before the second of them.
        Path desired = Files.writeString(work.resolve("desired.csv"), """
                customer,userPrincipalName,licenses
                Contoso Ltd,isaiah.langer@contoso.com,-O365_BUSINESS_ESSENTIALS;+SPB
                Contoso Ltd,lynne.robbins@contoso.com,-O365_BUSINESS_ESSENTIALS;+SPB
                Contoso Ltd,adele.vance@contoso.com,-SPB
                """, StandardCharsets.UTF_8);
        Cli.Result plan = cli.run("plan", desired.toString());
        assertThat(plan.out()).contains("changes planned: 5, rejected: 0");

        Cli.Result apply = cli.run("apply", plan.planId());

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("changes applied: 5, stale: 0, failed: 0");
    }
}
