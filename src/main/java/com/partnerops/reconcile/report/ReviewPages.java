package com.partnerops.reconcile.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes summary.html from the template the web's review page uses too ({@code templates/review.html}), so the
 * file and the page never disagree. Thymeleaf escapes every value: nothing from an input file becomes markup.
 */
public final class ReviewPages {

    // Spring's flavour: expressions in SpEL, as on the web pages (the plain engine would need OGNL)
    private static final SpringTemplateEngine ENGINE = engine();

    private ReviewPages() {
    }

    public static void writeSummary(ReviewView view, Path file) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("view", view);
        // Streamed to the file: for 10,000 customers the page is tens of megabytes, not a string to hold whole.
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ENGINE.process("summary", context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReviewPages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // A summary of 10,000 customers evaluates the same few expressions hundreds of thousands of times: compiled
        // to bytecode after their first uses, they stop being a part of the plan's time worth measuring.
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
