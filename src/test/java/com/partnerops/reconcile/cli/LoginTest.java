package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login}: the device code sign-in prints where to go and what to enter, keeps the refresh token owner-only,
 * and the next live read uses it (the app as a public client: no secret is sent with it).
 */
class LoginTest {

    @TempDir
    Path work;
    GraphEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        TestTls.shared();
        emulator = LiveReadFixture.emulator();
        LiveReadFixture.settings(emulator, work).forEach(System::setProperty);
        System.clearProperty("reconcile.graph.client-secret"); // device code: a public client
    }

    @AfterEach
    void stop() {
        LiveReadFixture.settings(emulator, work).keySet().forEach(System::clearProperty);
        emulator.close();
    }

    @Test
    void aDeviceCodeSignInKeepsTheRefreshTokenThatTheNextReadUses() throws Exception {
        Cli cli = new Cli(work.resolve("store"));

        Cli.Result login = cli.run("login");

        assertThat(login.exitCode()).as(login.out() + login.err()).isZero();
        assertThat(login.out()).containsPattern("open the page https://microsoft.com/devicelogin and enter the code"
                + " EMU\\d{6} to authenticate")
                .contains("signed in: the refresh token is kept in " + work.resolve("graph-refresh-token"));
        Path kept = work.resolve("graph-refresh-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        Cli.Result imported = cli.run("import-state", "--from", "graph", "--customer", "contoso.onmicrosoft.com");

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("imported graph: customers=1, subscriptions=2, gdap=1, users=4");
        for (String secret : emulator.secrets()) {
            assertThat(login.out() + login.err() + imported.out() + imported.err()).doesNotContain(secret);
        }
        assertThat(emulator.refreshTokensReused()).isZero();
    }

    @Test
    void withoutThePartnerTenantTheSignInSaysWhichSettingIsMissing() {
        System.clearProperty("reconcile.graph.partner-tenant-id");

        Cli.Result login = new Cli(work.resolve("store")).run("login");

        assertThat(login.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(login.err()).contains("this needs the settings graph.partner-tenant-id");
    }
}
