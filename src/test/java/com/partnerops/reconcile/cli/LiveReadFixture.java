package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.testsupport.graph.EmulatedTenant;
import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three customers of {@code src/test/resources/live-read/state/} as the emulator serves them: the same users,
 * licenses, roles, subscriptions and GDAP relationships, in Graph's and Partner Center's shapes.
 */
final class LiveReadFixture {

    static final Path SNAPSHOT = Path.of("src/test/resources/live-read/state");
    static final String CONTOSO = "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";
    static final String FABRIKAM = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final String LYCEE = "5b0f6a52-8d0e-4a6b-9a3e-1f2c3d4e5f60";

    private static final String LICENSE_ADMIN = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    private static final String HELPDESK_ADMIN = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    private static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String YAMMER = "7547a3fe-08ee-4ccb-b430-5077c5041653";
    private static final String STORAGE = "99049c9c-6011-4908-bf17-15f496e6519d";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String A3 = "4b590615-0888-425a-a965-b3bf7789848d";
    private static final String A1 = "94763226-9b3c-4e75-a931-5c89701abe66";

    private LiveReadFixture() {
    }

    static GraphEmulator emulator() throws IOException {
        return new GraphEmulator(List.of(contoso(), fabrikam(), lycee()), List.of(
                relationship("contoso-gdap-ops", CONTOSO, "active", "2027-06-30T00:00:00Z", LICENSE_ADMIN, USER_ADMIN,
                        PRIVILEGED_ROLE_ADMIN),
                relationship("fabrikam-gdap-2024", FABRIKAM, "expired", "2026-10-31T00:00:00Z", USER_ADMIN),
                relationship("fabrikam-gdap-licensing", FABRIKAM, "active", "2027-12-31T00:00:00Z", LICENSE_ADMIN),
                relationship("lvh-gdap-draft", LYCEE, "created", "2028-08-31T00:00:00Z", LICENSE_ADMIN),
                relationship("lvh-gdap-2026", LYCEE, "active", "2028-08-31T00:00:00Z", USER_ADMIN, LICENSE_ADMIN)));
    }

    /** The settings that point the job at the emulator, as a scheduler would set them. */
    static Map<String, String> settings(GraphEmulator emulator, Path work) {
        return Map.of("reconcile.graph.base-url", emulator.graphBaseUrl(),
                "reconcile.graph.authority", emulator.authority(),
                "reconcile.partner-center.base-url", emulator.partnerCenterBaseUrl(),
                "reconcile.graph.partner-tenant-id", GraphEmulator.PARTNER_TENANT,
                "reconcile.graph.client-id", GraphEmulator.CLIENT_ID,
                "reconcile.graph.client-secret", GraphEmulator.CLIENT_SECRET,
                "reconcile.graph.refresh-token-file", work.resolve("graph-refresh-token").toString());
    }

    /**
     * {@code customers} tenants of {@code users} users each, who hold nothing yet, with an active relationship
     * granting every role a change needs: {@code desired} gets each user a department, SPB and User Administrator
     * (three calls each).
     */
    static GraphEmulator crowd(int customers, int users, StringBuilder desired) throws IOException {
        List<EmulatedTenant> tenants = new java.util.ArrayList<>();
        List<ObjectNode> gdap = new java.util.ArrayList<>();
        desired.append("customer,userPrincipalName,department,roles,licenses\n");
        for (int c = 0; c < customers; c++) {
            String tenantId = String.format(java.util.Locale.ROOT, "7a1b2c3d-0000-4000-8000-%012d", c);
            String domain = "tailwind" + c + ".onmicrosoft.com";
            EmulatedTenant t = roles(new EmulatedTenant(tenantId, domain, "Tailwind " + c))
                    .sku(SPB, "SPB", "User", users, YAMMER, "YAMMER_ENTERPRISE")
                    .subscription("d-spb-" + c, "spb-" + c, SPB, "SPB", users, "Enabled", "2026-02-01T00:00:00Z",
                            "2027-01-31T00:00:00Z")
                    .partnerCenterSubscription("spb-" + c, "CFQ7TTC0LCHC:0002", "Microsoft 365 Business Premium",
                            users, "active", true, true, "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z");
            for (int u = 0; u < users; u++) {
                String upn = "user" + u + "@tailwind" + c + ".com";
                t.user("u-" + c + "-" + u, upn, "User " + u, "User", String.valueOf(u), "US", "Clerk", "Office", true);
                desired.append(domain).append(',').append(upn).append(",Finance,User Administrator,SPB\n");
            }
            tenants.add(t);
            gdap.add(relationship("tailwind-gdap-" + c, tenantId, "active", "2027-06-30T00:00:00Z", LICENSE_ADMIN,
                    USER_ADMIN, PRIVILEGED_ROLE_ADMIN));
        }
        return new GraphEmulator(tenants, gdap);
    }

    private static EmulatedTenant roles(EmulatedTenant tenant) {
        return tenant.role(LICENSE_ADMIN, "License Administrator").role(USER_ADMIN, "User Administrator")
                .role(PRIVILEGED_ROLE_ADMIN, "Privileged Role Administrator")
                .role(HELPDESK_ADMIN, "Helpdesk Administrator").role(GLOBAL_READER, "Global Reader");
    }

    private static EmulatedTenant contoso() {
        EmulatedTenant t = roles(new EmulatedTenant(CONTOSO, "contoso.onmicrosoft.com", "Contoso Ltd"))
                .sku(SPB, "SPB", "User", 5, YAMMER, "YAMMER_ENTERPRISE")
                .sku(STORAGE, "SHAREPOINTSTORAGE", "Company", 10)
                .subscription("d-spb", "spb-0101", SPB, "SPB", 5, "Enabled", "2026-02-01T00:00:00Z",
                        "2027-01-31T00:00:00Z")
                .subscription("d-sps", "sps-0102", STORAGE, "SHAREPOINTSTORAGE", 10, "Enabled", "2025-06-01T00:00:00Z",
                        "2026-05-31T00:00:00Z")
                .partnerCenterSubscription("spb-0101", "CFQ7TTC0LCHC:0002", "Microsoft 365 Business Premium", 5,
                        "active", true, true, "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                .partnerCenterSubscription("sps-0102", "5F2B4D2E-LEGACY", "Office 365 Extra File Storage", 10,
                        "active", false, true, "2025-06-01T00:00:00Z", "2026-05-31T00:00:00Z")
                .refundable("spb-0101", 2, "2026-11-28T17:30:00Z")
                .group("grp-sales-0001", "Sales licensing");
        t.user("u-adele", "adele.vance@contoso.com", "Adele Vance", "Adele", "Vance", "US", "Retail Manager",
                "Retail", true).license(SPB, YAMMER);
        t.user("u-alex", "alex.wilber@contoso.com", "Alex Wilber", "Alex", "Wilber", "US", "Marketing Assistant",
                "Marketing", true).groupLicense(SPB, "grp-sales-0001");
        t.user("u-diego", "diego.siciliani@contoso.com", "Diego Siciliani", "Diego", "Siciliani", "US", "HR Manager",
                "HR", true).license(SPB).role(HELPDESK_ADMIN);
        t.user("u-megan", "megan.bowen@contoso.com", "Megan Bowen", "Megan", "Bowen", "US", "Marketing Manager",
                "Marketing", false);
        return t;
    }

    private static EmulatedTenant fabrikam() {
        EmulatedTenant t = roles(new EmulatedTenant(FABRIKAM, "fabrikam.onmicrosoft.com", "Fabrikam Inc"))
                .sku(E3, "ENTERPRISEPACK", "User", 4)
                .subscription("d-e3", "e3-0201", E3, "ENTERPRISEPACK", 4, "Warning", "2026-04-01T00:00:00Z",
                        "2027-03-31T00:00:00Z")
                .partnerCenterSubscription("e3-0201", "CFQ7TTC0LF8Q:0001", "Office 365 E3", 4, "active", true, true,
                        "2026-04-01T00:00:00Z", "2027-03-31T00:00:00Z")
                .partnerCenterSubscription("saas-0202", "adobe.acrobat_pro_teams", "Adobe Acrobat Pro for teams", 2,
                        "active", false, false, "2026-05-01T00:00:00Z", "2027-04-30T00:00:00Z")
                .publisher("saas-0202", "Adobe Inc.");
        t.user("u-ana", "ana.silva@fabrikam.com", "Ana Silva", "Ana", "Silva", "PT", "Project Manager", "PMO", true)
                .license(E3);
        t.user("u-ben", "ben.walters@fabrikam.com", "Ben Walters", "Ben", "Walters", "GB", "Legal Counsel", "Legal",
                true).license(E3).role(GLOBAL_READER);
        t.user("u-carla", "carla.rossi@fabrikam.com", "Carla Rossi", "Carla", "Rossi", "IT", "Contract Manager",
                "Legal", true);
        return t;
    }

    private static EmulatedTenant lycee() {
        EmulatedTenant t = roles(new EmulatedTenant(LYCEE, "lyceevictorhugo.onmicrosoft.com", "Lycée Victor Hugo"))
                .sku(A3, "M365EDU_A3_FACULTY", "User", 3).sku(A1, "STANDARDWOFFPACK_FACULTY", "User", 50)
                .subscription("d-a3", "a3f-0002", A3, "M365EDU_A3_FACULTY", 3, "Enabled", "2026-09-01T00:00:00Z",
                        "2027-08-31T00:00:00Z")
                .subscription("d-a1", "a1f-0001", A1, "STANDARDWOFFPACK_FACULTY", 50, "Suspended",
                        "2025-09-01T00:00:00Z", "2026-08-31T00:00:00Z")
                .partnerCenterSubscription("a3f-0002", "CFQ7TTC0LHRB:0001", "Microsoft 365 A3 for Faculty", 3, "active",
                        true, true, "2026-09-01T00:00:00Z", "2027-08-31T00:00:00Z")
                .partnerCenterSubscription("a1f-0001", "A1-LEGACY", "Office 365 A1 for faculty", 50, "suspended",
                        false, true, "2025-09-01T00:00:00Z", "2026-08-31T00:00:00Z");
        t.user("u-elodie", "elodie.lefevre@lyceevictorhugo.fr", "Élodie Lefèvre", "Élodie", "Lefèvre", "FR",
                "Professeure de mathématiques", "Sciences", true).license(A3);
        t.user("u-francois", "francois.dupre@lyceevictorhugo.fr", "François Dupré", "François", "Dupré", "FR",
                "Proviseur adjoint", "Direction", true).license(A3).role(USER_ADMIN);
        t.user("u-mathis", "mathis.roux@lyceevictorhugo.fr", "Mathis Roux", "Mathis", "Roux", null,
                "Assistant d'éducation", "Vie scolaire", true);
        return t;
    }

    private static ObjectNode relationship(String id, String tenantId, String status, String end, String... roles) {
        ObjectNode r = JsonNodeFactory.instance.objectNode().put("id", id).put("displayName", id).put("status", status)
                .put("duration", "P730D").put("endDateTime", end);
        r.putObject("customer").put("tenantId", tenantId).put("displayName", tenantId);
        var unified = r.putObject("accessDetails").putArray("unifiedRoles");
        for (String role : roles) {
            unified.addObject().put("roleDefinitionId", role);
        }
        return r;
    }
}
