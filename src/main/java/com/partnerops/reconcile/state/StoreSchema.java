package com.partnerops.reconcile.state;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables and the store's tables on every start. Both scripts are
 * idempotent, which a file store needs: Boot only initialises the Batch schema of in-memory databases by itself.
 */
@Component
public class StoreSchema implements InitializingBean {

    private final DataSource dataSource;

    public StoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        new ResourceDatabasePopulator(
                new ClassPathResource("db/batch-schema-hsqldb.sql"),
                new ClassPathResource("db/reconcile-schema.sql")).execute(dataSource);
    }
}
