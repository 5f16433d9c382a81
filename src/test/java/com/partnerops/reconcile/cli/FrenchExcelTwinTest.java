package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desired file saved by French Excel ("CSV (séparateur : point-virgule)": semicolons, Windows-1252, CRLF) plans
 * exactly like its UTF-8, comma-separated twin: same rows, same accents.
 */
class FrenchExcelTwinTest {

    private static final List<List<String>> ROWS = List.of(
            List.of("customer", "userPrincipalName", "jobTitle", "department", "licenses"),
            List.of("Lycée Victor Hugo", "elodie.lefevre@lyceevictorhugo.fr", "Professeure agrégée de mathématiques",
                    "Sciences; Numérique", "M365EDU_A3_FACULTY"),
            List.of("lyceevictorhugo.onmicrosoft.com", "mathis.roux@lyceevictorhugo.fr", "Assistant d'éducation",
                    "Vie scolaire – internat", "STANDARDWOFFPACK_FACULTY"),
            List.of("Lycée Victor Hugo", "helene.garnier@lyceevictorhugo.fr", "Documentaliste « CDI »", "CDI",
                    "-M365EDU_A3_FACULTY;+STANDARDWOFFPACK_FACULTY"));

    @TempDir
    Path work;

    @Test
    void aSemicolonWindows1252FilePlansExactlyLikeItsUtf8CommaTwin() throws Exception {
        Path utf8 = write("desired-utf8.csv", ',', "\n", StandardCharsets.UTF_8);
        Path french = write("desired-excel-fr.csv", ';', "\r\n", Charset.forName("windows-1252"));
        assertThat(Files.readAllBytes(french)).as("really Windows-1252: é is one byte").contains((byte) 0xE9);

        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        List<Map<String, String>> fromUtf8 = planRows(cli, utf8);
        List<Map<String, String>> fromFrench = planRows(cli, french);

        assertThat(fromFrench).isEqualTo(fromUtf8);
        assertThat(fromUtf8).extracting(row -> row.get("after"))
                .contains("Professeure agrégée de mathématiques", "Sciences; Numérique", "Vie scolaire – internat",
                        "Documentaliste « CDI »");
    }

    private static List<Map<String, String>> planRows(Cli cli, Path file) throws Exception {
        Cli.Result plan = cli.run("plan", file.toString());
        assertThat(plan.err()).isEmpty();
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(plan.planId()).resolve("plan.csv"));
        rows.forEach(row -> row.remove("sourceFile"));
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** The rows as a spreadsheet program writes them: a cell holding the delimiter is quoted. */
    private Path write(String name, char delimiter, String lineEnd, Charset charset) throws Exception {
        StringBuilder text = new StringBuilder();
        for (List<String> row : ROWS) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                text.append(i == 0 ? "" : delimiter)
                        .append(cell.indexOf(delimiter) >= 0 ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            text.append(lineEnd);
        }
        return Files.write(work.resolve(name), text.toString().getBytes(charset));
    }
}
