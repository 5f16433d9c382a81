-- The store: current state (what import-state loads and apply changes), plans, apply results and the audit log.
-- Idempotent: run on every start. Large tables are CACHED (disk-backed) so memory stays flat.

-- Readers never wait for writers: apply's chunk transactions run while a report or a look-up reads.
SET DATABASE TRANSACTION CONTROL MVCC;

-- Reads the data file through memory mapping up to 2 GB (about 3,500,000 users): past HSQLDB's default of 256 MB
-- it reads through plain file calls instead, and a million-user store (570 MB) then spent a sixth of an apply on
-- them. Mapping takes address space and the system's file cache, not heap. HSQLDB's authors advise against
-- mapping files much larger than the memory machines commonly have, so the limit stays at 2 GB. HSQLDB reads the
-- setting when it opens the store: from the next command on (application.properties' URL sets it for a new store).
SET FILES NIO SIZE 2048;

-- The *_key columns hold Names.key of each way a spreadsheet may name the customer, so look-ups use an index.
CREATE CACHED TABLE IF NOT EXISTS customer (
    tenant_id VARCHAR(64) PRIMARY KEY,
    domain VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    tenant_key VARCHAR(64) NOT NULL,
    domain_key VARCHAR(255) NOT NULL,
    name_key VARCHAR(255) NOT NULL
);

CREATE CACHED TABLE IF NOT EXISTS subscription (
    tenant_id VARCHAR(64) NOT NULL,
    subscription_id VARCHAR(128) NOT NULL,
    sku VARCHAR(128) NOT NULL,
    product_name VARCHAR(255),
    kind VARCHAR(16) NOT NULL,
    program VARCHAR(16) NOT NULL,
    quantity INT NOT NULL,
    status VARCHAR(16) NOT NULL,
    commitment_start DATE,
    term_end DATE,
    assigned_display VARCHAR(64),
    PRIMARY KEY (tenant_id, subscription_id)
);

CREATE CACHED TABLE IF NOT EXISTS gdap_relationship (
    tenant_id VARCHAR(64) NOT NULL,
    relationship_id VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    end_date_time TIMESTAMP WITH TIME ZONE,
    roles VARCHAR(4000) NOT NULL,
    PRIMARY KEY (tenant_id, relationship_id)
);

CREATE CACHED TABLE IF NOT EXISTS directory_user (
    tenant_id VARCHAR(64) NOT NULL,
    upn_key VARCHAR(320) NOT NULL,
    upn VARCHAR(320) NOT NULL,
    display_name VARCHAR(256),
    given_name VARCHAR(64),
    surname VARCHAR(64),
    usage_location VARCHAR(8),
    job_title VARCHAR(128),
    department VARCHAR(128),
    account_enabled BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, upn_key)
);

CREATE CACHED TABLE IF NOT EXISTS user_license (
    tenant_id VARCHAR(64) NOT NULL,
    upn_key VARCHAR(320) NOT NULL,
    sku VARCHAR(128) NOT NULL,
    disabled_plans VARCHAR(4000) DEFAULT '' NOT NULL,
    PRIMARY KEY (tenant_id, upn_key, sku)
);

CREATE CACHED TABLE IF NOT EXISTS user_role (
    tenant_id VARCHAR(64) NOT NULL,
    upn_key VARCHAR(320) NOT NULL,
    role VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant_id, upn_key, role)
);

-- import-state's staging: the snapshot (or one customer read live) is loaded here first, then replaces its
-- customers' rows in the tables above, so a killed import never leaves a customer half-replaced. Each is created
-- LIKE its current-state twin: same columns in the same order, so INSERT ... SELECT * copies a row whole, and a
-- staged snapshot can take the twin's place. Only import-state reads them (plan and apply read the tables above),
-- and it makes them anew before it loads, so rows a killed import left behind never count.
CREATE CACHED TABLE IF NOT EXISTS import_customer (LIKE customer);
CREATE CACHED TABLE IF NOT EXISTS import_subscription (LIKE subscription);
CREATE CACHED TABLE IF NOT EXISTS import_gdap_relationship (LIKE gdap_relationship);
CREATE CACHED TABLE IF NOT EXISTS import_directory_user (LIKE directory_user);
CREATE CACHED TABLE IF NOT EXISTS import_user_license (LIKE user_license);
CREATE CACHED TABLE IF NOT EXISTS import_user_role (LIKE user_role);

-- A whole snapshot is not copied over in one transaction (HSQLDB keeps all of a transaction's rows in the heap:
-- a million users did not fit 1 GiB): its staging tables, with their keys and indexes, take the current-state
-- tables' place (state/SnapshotSwitch.java). HSQLDB commits each DDL statement alone, so a row here, committed with
-- the import's seat history just before the first one, says a switch has begun: opening the store finishes it.
CREATE CACHED TABLE IF NOT EXISTS snapshot_switch (
    begun TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A license a user holds through a group (Graph's licenseAssignmentStates[].assignedByGroup): the group's name.
-- Added to both twins in the same order, so import-state's INSERT ... SELECT * still copies a row whole.
ALTER TABLE user_license ADD COLUMN IF NOT EXISTS assigned_by_group VARCHAR(4000);
ALTER TABLE import_user_license ADD COLUMN IF NOT EXISTS assigned_by_group VARCHAR(4000);

-- Partner Center's refundableQuantity: seats that can still be reduced with a refund, until the earliest of its
-- return windows; NULL when the source did not say. Both twins, same order (import-state copies with SELECT *).
ALTER TABLE subscription ADD COLUMN IF NOT EXISTS refundable_seats INT;
ALTER TABLE subscription ADD COLUMN IF NOT EXISTS refundable_until DATE;
ALTER TABLE import_subscription ADD COLUMN IF NOT EXISTS refundable_seats INT;
ALTER TABLE import_subscription ADD COLUMN IF NOT EXISTS refundable_until DATE;

-- Where each customer's current state came from (snapshot or graph) and when it was read. A customer a live read
-- could not refresh keeps its state and its row here, with not_refreshed saying why and since when.
CREATE CACHED TABLE IF NOT EXISTS customer_source (
    tenant_id VARCHAR(64) PRIMARY KEY,
    source VARCHAR(16) NOT NULL,
    read_at TIMESTAMP WITH TIME ZONE NOT NULL,
    not_refreshed VARCHAR(4000),
    not_refreshed_at TIMESTAMP WITH TIME ZONE
);

CREATE CACHED TABLE IF NOT EXISTS plan (
    plan_id VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    inputs VARCHAR(1000000) NOT NULL,
    options VARCHAR(1000000) NOT NULL,
    sheet VARCHAR(255),
    customers VARCHAR(1000000) NOT NULL,
    additive BOOLEAN NOT NULL,
    state VARCHAR(16) NOT NULL,
    rows_read BIGINT DEFAULT 0 NOT NULL,
    rows_out_of_scope BIGINT DEFAULT 0 NOT NULL,
    rows_digest VARCHAR(64),
    review_digest VARCHAR(64),
    warnings VARCHAR(1000000)
);

-- Stores made before these held 16000 and 4000 characters: 80 --customer options overflowed them.
ALTER TABLE plan ALTER COLUMN inputs SET DATA TYPE VARCHAR(1000000);
ALTER TABLE plan ALTER COLUMN options SET DATA TYPE VARCHAR(1000000);
ALTER TABLE plan ALTER COLUMN customers SET DATA TYPE VARCHAR(1000000);

-- Plans no longer stage their desired rows here (they are sorted into customer order in temporary files); a
-- desired_row table of an older store is left as it is and no longer read.

CREATE CACHED TABLE IF NOT EXISTS plan_line (
    plan_id VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    tenant_id VARCHAR(64),
    customer_name VARCHAR(1000000),
    upn VARCHAR(1000000),
    upn_key VARCHAR(1000000),
    change_kind VARCHAR(32),
    target VARCHAR(1000000),
    before_value VARCHAR(1000000),
    after_value VARCHAR(1000000),
    status VARCHAR(16) NOT NULL,
    reason VARCHAR(32),
    message VARCHAR(1000000),
    gdap_relationship_id VARCHAR(128),
    source_file VARCHAR(4096),
    source_row INT,
    PRIMARY KEY (plan_id, seq)
);

-- Users with planned changes, in the order apply serves them: those freeing seats first, then file order.
CREATE CACHED TABLE IF NOT EXISTS plan_user (
    plan_id VARCHAR(64) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    upn_key VARCHAR(320) NOT NULL,
    upn VARCHAR(320) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    frees_seats BOOLEAN NOT NULL,
    takes_seats BOOLEAN DEFAULT FALSE NOT NULL,
    first_seq BIGINT NOT NULL,
    bucket INT NOT NULL,
    apply_status VARCHAR(16),
    PRIMARY KEY (plan_id, tenant_id, upn_key)
);

-- Stores made before this column order users who free and take seats among those who only free them.
ALTER TABLE plan_user ADD COLUMN IF NOT EXISTS takes_seats BOOLEAN DEFAULT FALSE NOT NULL;

CREATE CACHED TABLE IF NOT EXISTS plan_customer (
    plan_id VARCHAR(64) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    held_back INT NOT NULL,
    PRIMARY KEY (plan_id, tenant_id)
);

CREATE CACHED TABLE IF NOT EXISTS plan_seat (
    plan_id VARCHAR(64) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    sku VARCHAR(128) NOT NULL,
    product_name VARCHAR(255),
    kind VARCHAR(16) NOT NULL,
    program VARCHAR(32) NOT NULL,
    purchased INT NOT NULL,
    assigned_before INT NOT NULL,
    assigned_after INT NOT NULL,
    free_after INT NOT NULL,
    seats_to_buy INT NOT NULL,
    advice VARCHAR(4000),
    PRIMARY KEY (plan_id, tenant_id, sku)
);

-- The web front end: who submitted a plan (a web account, or the operating-system user for the CLI), who finished
-- (applied) it, and the customers the submitter may touch ('' for every customer; tenant ids one per line).
ALTER TABLE plan ADD COLUMN IF NOT EXISTS submitted_by VARCHAR(255);
ALTER TABLE plan ADD COLUMN IF NOT EXISTS finished_by VARCHAR(255);
ALTER TABLE plan ADD COLUMN IF NOT EXISTS scope VARCHAR(1000000);
-- How many customers a plan's rows name, once they are read: the web's progress bar counts up to it.
ALTER TABLE plan ADD COLUMN IF NOT EXISTS customers_to_plan BIGINT DEFAULT 0 NOT NULL;

-- Accounts of the web front end. Passwords are kept as bcrypt hashes only. customers is '*' or tenant ids, one per
-- line: the customers a technician or approver may plan for and see.
CREATE CACHED TABLE IF NOT EXISTS web_account (
    name VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    customers VARCHAR(1000000) NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A plan made by 'revert': which applied plan it takes back, and when and by whom that plan was applied (from
-- the audit log, as the review states it). users is the '--user' selection, one per line; '' for every user.
CREATE CACHED TABLE IF NOT EXISTS plan_revert (
    plan_id VARCHAR(64) PRIMARY KEY,
    reverted_plan_id VARCHAR(64) NOT NULL,
    users VARCHAR(1000000) NOT NULL,
    first_applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_by VARCHAR(1000000) NOT NULL
);

-- What apply did with each PLANNED line. Written in the same transaction as the change itself.
CREATE CACHED TABLE IF NOT EXISTS apply_line (
    plan_id VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    reason VARCHAR(32),
    message VARCHAR(16000),
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, seq)
);

-- Append-only: one row per change applied, with the GDAP relationship that allowed it.
CREATE CACHED TABLE IF NOT EXISTS audit_log (
    audit_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    plan_id VARCHAR(64) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    upn VARCHAR(320) NOT NULL,
    change_kind VARCHAR(32) NOT NULL,
    target VARCHAR(4000) NOT NULL,
    before_value VARCHAR(16000),
    after_value VARCHAR(16000),
    gdap_relationship_id VARCHAR(128) NOT NULL,
    applied_by VARCHAR(255) NOT NULL
);

-- The seat counts of every import-state, kept for the license report's changes over time: one row per customer,
-- SKU and import, written in the import's replacement transaction (a killed import leaves none). purchased counts
-- the seats of usable (active, grace-period) LICENSE and SAAS subscriptions, assigned the users holding the SKU.
CREATE CACHED TABLE IF NOT EXISTS seat_history (
    import_seq BIGINT NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    sku VARCHAR(128) NOT NULL,
    purchased INT NOT NULL,
    assigned INT NOT NULL,
    PRIMARY KEY (tenant_id, import_seq, sku)
);

CREATE INDEX IF NOT EXISTS user_license_by_sku ON user_license (tenant_id, sku);
CREATE INDEX IF NOT EXISTS plan_line_by_user ON plan_line (plan_id, tenant_id, upn_key, seq);
CREATE INDEX IF NOT EXISTS customer_by_tenant_key ON customer (tenant_key);
CREATE INDEX IF NOT EXISTS customer_by_domain_key ON customer (domain_key);
CREATE INDEX IF NOT EXISTS customer_by_name_key ON customer (name_key);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (applied_at);
CREATE INDEX IF NOT EXISTS plan_user_to_apply ON plan_user (plan_id, apply_status, tenant_id);
CREATE INDEX IF NOT EXISTS audit_log_by_plan ON audit_log (plan_id, tenant_id, audit_id);
CREATE INDEX IF NOT EXISTS seat_history_by_time ON seat_history (imported_at);

-- Marketplace SaaS seats of live customers, handed to the publisher's portal: apply's saas-handoff.csv.
CREATE CACHED TABLE IF NOT EXISTS saas_handoff (
    plan_id VARCHAR(64) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    upn VARCHAR(320) NOT NULL,
    offer_id VARCHAR(255) NOT NULL,
    offer_name VARCHAR(1000) NOT NULL,
    publisher VARCHAR(1000) NOT NULL,
    action VARCHAR(16) NOT NULL,
    PRIMARY KEY (plan_id, tenant_id, upn, offer_id)
);
