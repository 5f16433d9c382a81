package com.partnerops.reconcile.web;

import com.partnerops.reconcile.account.AccountStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form sign-in against the store's accounts; every page but the sign-in page needs it. CSRF protection stays on
 * (Thymeleaf puts the token in every form); the session cookie's HttpOnly and SameSite are set in
 * application.properties.
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(WebSettings.class)
public class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/app.css", "/app.js").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/plans", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return AccountStore.passwordEncoder();
    }
}
