package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.UserAttribute;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A staged row as bytes, for the sorted runs of {@link DesiredRowRuns}: its length, then its fields. Lengths are
 * ints, not {@code writeUTF}'s: a cell may hold 32,767 characters, more than {@code writeUTF}'s 65,535 bytes in
 * UTF-8. A row is encoded into one array and handed to the stream whole, and read back the same way: the
 * buffered streams lock on every call, and a field at a time made that about twenty calls a row, half of the
 * sort's time at a million rows.
 */
final class StagedRowCodec {

    private static final UserAttribute[] ATTRIBUTES = UserAttribute.values();
    private static final int NULL = -1;

    private StagedRowCodec() {
    }

    static void write(DataOutput out, StagedRow staged) throws IOException {
        DesiredUserRow row = staged.row();
        List<String> fields = new ArrayList<>(ATTRIBUTES.length + 8);
        fields.add(staged.tenantId());
        fields.add(row.sourceFile());
        fields.add(row.customerRef());
        fields.add(row.userPrincipalName());
        for (UserAttribute attribute : ATTRIBUTES) {
            fields.add(row.attributes().get(attribute));
        }
        fields.add(row.roles().orElse(null));
        fields.add(row.licenses().orElse(null));
        fields.add(row.disabledPlans().orElse(null));
        fields.add(row.readProblem());
        byte[][] bytes = new byte[fields.size()][];
        int length = Long.BYTES + Integer.BYTES;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = fields.get(i) == null ? null : fields.get(i).getBytes(StandardCharsets.UTF_8);
            length += Integer.BYTES + (bytes[i] == null ? 0 : bytes[i].length);
        }
        ByteBuffer record = ByteBuffer.allocate(Integer.BYTES + length);
        record.putInt(length).putLong(staged.seq()).putInt(row.sourceRow());
        for (byte[] field : bytes) {
            record.putInt(field == null ? NULL : field.length);
            if (field != null) {
                record.put(field);
            }
        }
        out.write(record.array());
    }

    /** @throws java.io.EOFException at the end of the run */
    static StagedRow read(DataInput in) throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        ByteBuffer record = ByteBuffer.wrap(body);
        long seq = record.getLong();
        int sourceRow = record.getInt();
        String tenantId = string(record);
        String sourceFile = string(record);
        String customerRef = string(record);
        String upn = string(record);
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        for (UserAttribute attribute : ATTRIBUTES) {
            String value = string(record);
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
        Optional<String> roles = Optional.ofNullable(string(record));
        Optional<String> licenses = Optional.ofNullable(string(record));
        Optional<String> disabledPlans = Optional.ofNullable(string(record));
        String readProblem = string(record);
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

    private static String string(ByteBuffer record) {
        int length = record.getInt();
        if (length == NULL) {
            return null;
        }
        String value = new String(record.array(), record.position(), length, StandardCharsets.UTF_8);
        record.position(record.position() + length);
        return value;
    }
}
