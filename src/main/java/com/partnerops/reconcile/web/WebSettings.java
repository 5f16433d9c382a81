package com.partnerops.reconcile.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web front end's {@code reconcile.web.*} settings.
 *
 * @param fourEyes a plan that removes anything can only be finished by an approver who did not submit it
 * @param maxUpload the largest upload accepted, per file and per request
 */
@ConfigurationProperties("reconcile.web")
public record WebSettings(@DefaultValue("false") boolean fourEyes, @DefaultValue("50MB") DataSize maxUpload) {
}
