package com.partnerops.reconcile.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.Names;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A plan resolves its rows' customer references from the store's customers read once; it must name the customer
 * that one look-up per reference names: a tenant id first, then a primary domain, then an exact name, and nobody
 * when the first way that matches matches two.
 */
class CustomerFinderTest {

    @TempDir
    Path dir;

    private StoreDirectory store;

    @BeforeEach
    void threeCustomersTwoOfThemNamedAlike() throws Exception {
        DriverManagerDataSource source = new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve("reconcile")
                + ";hsqldb.default_table_type=cached", "SA", "");
        new StoreSchema(source).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(source);
        customer(jdbc, "t-a", "contoso.com", "Contoso");
        customer(jdbc, "t-b", "fabrikam.com", "Contoso");
        customer(jdbc, "t-c", "contoso.org", "fabrikam.com");
        store = new StoreDirectory(jdbc);
    }

    @Test
    void namesTheCustomerThatTheLookUpOfEachReferenceNames() {
        Function<String, Optional<Customer>> finder = store.customerFinder();

        assertThat(finder.apply(" t-c ")).map(Customer::tenantId).contains("t-c");
        assertThat(finder.apply("CONTOSO.com")).map(Customer::tenantId).contains("t-a");
        assertThat(finder.apply("fabrikam.com")).as("a domain goes before a name").map(Customer::tenantId)
                .contains("t-b");
        assertThat(finder.apply("contoso")).as("two customers have this name").isEmpty();
        assertThat(finder.apply("nobody.example")).isEmpty();
        assertThat(finder.apply("  ")).isEmpty();
        for (String reference : new String[] {" t-c ", "CONTOSO.com", "fabrikam.com", "contoso", "nobody.example",
            "  ", "t-a", "Contoso.org"}) {
            assertThat(finder.apply(reference)).as(reference).isEqualTo(store.findCustomer(reference));
        }
    }

    private static void customer(JdbcTemplate jdbc, String tenantId, String domain, String name) {
        jdbc.update("INSERT INTO customer (tenant_id, domain, name, tenant_key, domain_key, name_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", tenantId, domain, name, Names.key(tenantId), Names.key(domain),
                Names.key(name));
    }
}
