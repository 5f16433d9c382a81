package com.partnerops.reconcile;

import com.partnerops.reconcile.domain.GdapPolicy;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.RoleCatalog;
import com.partnerops.reconcile.domain.SettingNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Spring context the CLI starts for a command; {@link com.partnerops.reconcile.cli.Main} is the entry point. */
@SpringBootApplication
@EnableConfigurationProperties(ReconcileSettings.class)
public class ReconcileApplication {

    /**
     * The job's notion of "now" (GDAP end dates, NCE's seven-day window, plan ids). {@code reconcile.now} pins it,
     * so tests and sample runs give the same answers on any day.
     */
    @Bean
    Clock clock(ReconcileSettings settings) {
        return settings.now().isBlank() ? Clock.systemUTC()
                : Clock.fixed(Instant.parse(settings.now()), ZoneOffset.UTC);
    }

    /** Which GDAP roles allow which change: the built-in table, or {@code reconcile.gdap-policy} to override it. */
    @Bean
    GdapPolicy gdapPolicy(ReconcileSettings settings) {
        String file = settings.gdapPolicy();
        if (file.isBlank()) {
            return GdapPolicy.defaults();
        }
        try {
            return GdapPolicy.parse(Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GDAP policy " + file, e);
        }
    }

    /** The command line's names for the settings messages mention; a web front end registers its own. */
    @Bean
    @ConditionalOnMissingBean
    SettingNames settingNames() {
        return SettingNames.COMMAND_LINE;
    }

    @Bean
    RoleCatalog roleCatalog() {
        return RoleCatalog.builtIn();
    }

    /** Microsoft's product names, SKU ids and service plans, as shipped (rebuilt by {@code update-catalog}). */
    @Bean
    ProductCatalog productCatalog() {
        return ProductCatalog.builtIn();
    }
}
