package com.partnerops.reconcile.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fingerprints of what a person reviewed: the plan's PLANNED rows in the store, and the plan.csv written from them.
 * Taken when the review is written, compared before apply: a plan altered in between is refused.
 */
@Component
public class PlanDigest {

    private static final char FIELD = '\u001f';
    private static final char RECORD = '\u001e';

    private final JdbcTemplate jdbc;

    public PlanDigest(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a PLANNED row that the fingerprint covers, in the order it takes them. */
    private static final String[] ROW_COLUMNS = {"seq", "tenant_id", "upn_key", "change_kind", "target",
        "before_value", "after_value", "gdap_relationship_id"};

    /** Everything apply would do: each PLANNED row, each planned user's fingerprint, in a fixed order. */
    public String ofPlannedRows(String planId) {
        RowsDigest rows = new RowsDigest();
        jdbc.query("SELECT seq, tenant_id, upn_key, change_kind, target, before_value, after_value,"
                + " gdap_relationship_id FROM plan_line WHERE plan_id = ? AND status = 'PLANNED' ORDER BY seq",
                rows::addPlannedRow, planId);
        return finish(rows, planId);
    }

    /**
     * The same fingerprint as {@link #ofPlannedRows}, from PLANNED rows handed over by a pass that reads them
     * anyway, in seq order; this adds the planned users.
     */
    String finish(RowsDigest rows, String planId) {
        MessageDigest digest = rows.digest;
        jdbc.query("SELECT tenant_id, upn_key, fingerprint, frees_seats FROM plan_user WHERE plan_id = ?"
                + " ORDER BY tenant_id, upn_key", rs -> {
                    for (int column = 1; column <= 4; column++) {
                        update(digest, rs.getString(column));
                    }
                    digest.update((byte) RECORD);
                }, planId);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint of a plan's PLANNED rows, taken row by row. */
    static final class RowsDigest {
        private final MessageDigest digest = sha256();

        void addPlannedRow(ResultSet rs) throws SQLException {
            for (String column : ROW_COLUMNS) {
                update(digest, rs.getString(column));
            }
            digest.update((byte) RECORD);
        }
    }

    public static String ofFile(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        if (value != null) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) FIELD);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
