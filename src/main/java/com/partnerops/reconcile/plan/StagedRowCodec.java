package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.UserAttribute;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A staged row as bytes, for the sorted runs of {@link DesiredRowRuns}. Lengths are written as ints, not with
 * {@code writeUTF}: a cell may hold 32,767 characters, more than {@code writeUTF}'s 65,535 bytes in UTF-8.
 */
final class StagedRowCodec {

    private static final UserAttribute[] ATTRIBUTES = UserAttribute.values();

    private StagedRowCodec() {
    }

    static void write(DataOutput out, StagedRow staged) throws IOException {
        DesiredUserRow row = staged.row();
        out.writeLong(staged.seq());
        writeString(out, staged.tenantId());
        writeString(out, row.sourceFile());
        out.writeInt(row.sourceRow());
        writeString(out, row.customerRef());
        writeString(out, row.userPrincipalName());
        for (UserAttribute attribute : ATTRIBUTES) {
            writeString(out, row.attributes().get(attribute));
        }
        writeString(out, row.roles().orElse(null));
        writeString(out, row.licenses().orElse(null));
        writeString(out, row.disabledPlans().orElse(null));
        writeString(out, row.readProblem());
    }

    static StagedRow read(DataInput in) throws IOException {
        long seq = in.readLong();
        String tenantId = readString(in);
        String sourceFile = readString(in);
        int sourceRow = in.readInt();
        String customerRef = readString(in);
        String upn = readString(in);
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        for (UserAttribute attribute : ATTRIBUTES) {
            String value = readString(in);
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
        Optional<String> roles = Optional.ofNullable(readString(in));
        Optional<String> licenses = Optional.ofNullable(readString(in));
        Optional<String> disabledPlans = Optional.ofNullable(readString(in));
        String readProblem = readString(in);
        return new StagedRow(seq, tenantId, new DesiredUserRow(sourceFile, sourceRow, customerRef, upn, attributes,
                roles, licenses, disabledPlans, readProblem));
    }

    /** The characters a row holds, roughly what it weighs in memory: a run is cut when its rows weigh enough. */
    static long weight(StagedRow staged) {
        DesiredUserRow row = staged.row();
        long chars = 64 + length(row.sourceFile()) + length(row.customerRef()) + length(row.userPrincipalName())
                + length(row.readProblem()) + length(row.roles().orElse(null)) + length(row.licenses().orElse(null))
                + length(row.disabledPlans().orElse(null));
        for (String value : row.attributes().values()) {
            chars += 16 + value.length();
        }
        return chars;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
