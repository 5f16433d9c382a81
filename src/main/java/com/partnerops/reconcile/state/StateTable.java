package com.partnerops.reconcile.state;

import java.util.List;

/**
 * A current-state table an import replaces, with its staging twin ({@code import_<name>}) and the primary key and
 * indexes the schema scripts give it. The staging twin gets the same ones (under staging names) before the
 * snapshot is loaded into it, because it becomes the current-state table itself when the import switches over
 * ({@link SnapshotSwitch}); keep them in step with {@code db/*}/reconcile-schema.sql.
 *
 * @param primaryKey its columns, as SQL
 */
record StateTable(String name, String primaryKey, List<Index> indexes) {

    /** A secondary index; on the staging twin it is named {@code import_<name>} until the switch renames it. */
    record Index(String name, String columns) {

        String stagingName() {
            return "import_" + name;
        }
    }

    /** In the order the switch takes them; a customer's rows are found through {@code customer}. */
    static final List<StateTable> ALL = List.of(
            new StateTable("customer", "tenant_id", List.of(new Index("customer_by_tenant_key", "tenant_key"),
                    new Index("customer_by_domain_key", "domain_key"),
                    new Index("customer_by_name_key", "name_key"))),
            new StateTable("subscription", "tenant_id, subscription_id", List.of()),
            new StateTable("gdap_relationship", "tenant_id, relationship_id", List.of()),
            new StateTable("directory_user", "tenant_id, upn_key", List.of()),
            new StateTable("user_license", "tenant_id, upn_key, sku",
                    List.of(new Index("user_license_by_sku", "tenant_id, sku"))),
            new StateTable("user_role", "tenant_id, upn_key, role", List.of()));

    String staging() {
        return "import_" + name;
    }
}
