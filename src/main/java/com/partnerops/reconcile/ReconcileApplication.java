package com.partnerops.reconcile;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context the CLI starts for a command; {@link com.partnerops.reconcile.cli.Main} is the entry point. */
@SpringBootApplication
public class ReconcileApplication {
}
