package com.partnerops.reconcile.web;

import com.partnerops.reconcile.apply.PlanNotApplicableException;
import com.partnerops.reconcile.apply.TooManyRemovalsException;
import com.partnerops.reconcile.domain.SettingNames;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.StoreBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors as pages a person can act on: what went wrong and what to do, never a stack trace or SQL. What is not the
 * person's to fix is logged in full and shown as an internal error.
 */
@ControllerAdvice
@ConditionalOnWebApplication
public class WebErrors {

    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    /** How the pages name a setting a message mentions: where on the page (or in the file) it is set. */
    static final SettingNames FIELDS = setting -> switch (setting) {
        case CUSTOMER -> "the customer column";
        case SHEET -> "the Sheet field";
        case PRICES -> "the price list";
        case RENEWAL_DAYS -> "the renewal window";
        case MAIL_TO -> "the mail recipients";
    };

    /** A problem in words for a page. */
    static String forPage(RuntimeException e) {
        if (e instanceof UnusableInputException || e instanceof PlanNotApplicableException
                || e instanceof TooManyRemovalsException || e instanceof UploadCheck.RefusedUploadException) {
            return FIELDS.translate(e.getMessage());
        }
        if (e instanceof StoreBusyException) {
            return "The store is busy: " + e.getMessage() + " Try again in a moment.";
        }
        LOG.error("internal error", e);
        return "An internal error stopped this; the server's log has the details.";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return page(model, "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        return page(model, "Not for this account", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        return page(model, "Upload too large", "The files are larger than this server accepts"
                + " (reconcile.web.max-upload). Split them, or ask an admin to raise the limit.");
    }

    @ExceptionHandler({UnusableInputException.class, UploadCheck.RefusedUploadException.class,
            PlanNotApplicableException.class, TooManyRemovalsException.class, StoreBusyException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unusable(RuntimeException e, Model model) {
        return page(model, "Nothing was planned or applied", forPage(e));
    }

    static String page(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }

    /** A plan (or file) the account asked for that does not exist, or that it may not know exists. */
    static final class NotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFoundException(String message) {
            super(message);
        }
    }
}
