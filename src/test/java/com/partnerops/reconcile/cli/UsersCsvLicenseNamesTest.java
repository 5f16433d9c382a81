package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's users.csv may name licenses by SKU part number, SKU id or product display name, and disabled plans
 * by service plan name or id: the store holds the SKU part numbers and plan names all the same. The two users.csv
 * of {@code src/test/resources/license-names/} are the sample's, with disabled plans for Adele and Grady; one
 * writes SKU part numbers and plan names, the other display names, SKU ids, plan ids and other letter cases.
 */
class UsersCsvLicenseNamesTest {

    private static final Path USERS = Path.of("src", "test", "resources", "license-names");

    @TempDir
    Path work;

    @Test
    void licensesNamedByProductNameOrSkuIdImportAsTheirSkuPartNumbers() throws Exception {
        Cli bySku = new Cli(work.resolve("by-sku"));
        Cli byName = new Cli(work.resolve("by-name"));

        Cli.Result skus = bySku.run("import-state", snapshot("by-sku", "users-by-sku.csv").toString());
        Cli.Result names = byName.run("import-state", snapshot("by-name", "users-by-name.csv").toString());

        assertThat(skus.exitCode()).as(skus.err()).isZero();
        assertThat(names.exitCode()).as(names.err()).isZero();
        List<String> content = StoreContent.of(byName);
        assertThat(content).isEqualTo(StoreContent.of(bySku));
        assertThat(content).anySatisfy(line -> assertThat(line).contains("UPN_KEY=ADELE.VANCE@CONTOSO.COM", "SKU=SPB",
                "DISABLED_PLANS=AAD_PREMIUM;ATP_ENTERPRISE"));
        assertThat(content).anySatisfy(line -> assertThat(line).contains("UPN_KEY=GRADY.ARCHIE@CONTOSO.COM",
                "SKU=EXCHANGESTANDARD", "DISABLED_PLANS=BPOS_S_TODO_1"));
        assertThat(content.stream().filter(line -> line.startsWith("USER_LICENSE"))).hasSize(21);
    }

    @Test
    void aLicenseNameThatIsNoProductRefusesTheSnapshotWithTheClosestNames() throws Exception {
        Path snapshot = snapshot("typo", "users-by-name.csv");
        Path users = snapshot.resolve("users.csv");
        String text = Files.readString(users, StandardCharsets.UTF_8);
        Files.writeString(users, text.replace(",office 365 e3,", ",Office 356 E3,"), StandardCharsets.UTF_8);
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        List<String> before = StoreContent.of(cli);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err()).contains("1 problem", users + " row 23 column 'licenses': 'Office 356 E3' is not a"
                + " known product name, SKU part number or SKU id; closest: Office 365 E3 (ENTERPRISEPACK)");
        assertThat(StoreContent.of(cli)).isEqualTo(before);
    }

    /** The sample snapshot with this users.csv. */
    private Path snapshot(String name, String usersCsv) throws IOException {
        Path snapshot = Files.createDirectories(work.resolve(name));
        for (String file : List.of("customers.csv", "subscriptions.csv", "gdap.csv")) {
            Files.copy(Cli.sample("state").resolve(file), snapshot.resolve(file));
        }
        Files.copy(USERS.resolve(usersCsv), snapshot.resolve("users.csv"));
        return snapshot;
    }
}
