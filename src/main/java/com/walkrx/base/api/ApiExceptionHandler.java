package com.walkrx.base.api;

import com.walkrx.base.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.walkrx.base.security.AccessRefused;
import com.walkrx.base.security.CurrentUser;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every API error as RFC 9457 problem details; invalid input names its fields. */
@RestControllerAdvice(basePackages = "com.walkrx")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid fields.", e.problems(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // The Jackson exception carries the field path; a date parse error's most specific cause does not.
        Throwable cause = e.getMostSpecificCause();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                cause = t;
                break;
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has a field this API does not know.",
                    List.of(new FieldProblem(path(u), "is not a known field")), null);
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has a value of the wrong type.",
                    List.of(new FieldProblem(path(j), "has a value of the wrong type or format")), null);
        }
        if (cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request body is not valid JSON.",
                    List.of(new FieldProblem("body", "is not valid JSON")), null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A JSON request body is required.",
                List.of(new FieldProblem("body", "is required")), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A parameter has a value of the wrong type.",
                List.of(new FieldProblem(e.getName(), "has a value of the wrong type or format")), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A required parameter is missing.",
                List.of(new FieldProblem(e.getParameterName(), "is required")), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json.", null, null);
    }

    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        // A miss on an id that does not exist or is out of reach is a denied access: an id scan leaves a trace.
        if (request.getAttribute(AccessRefused.RECORDED_ATTRIBUTE) == null) {
            currentUser.principal().ifPresent(p -> events.publishEvent(new AccessRefused(p.caller(),
                    request.getMethod() + " " + request.getRequestURI() + ": " + e.getMessage())));
        }
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null, null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null, e.code());
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", e.getMessage(), null, e.code());
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this record at the same time. Reload it and apply your change again.", null,
                "CONCURRENT_EDIT");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not use this endpoint.", null, null);
    }

    /** A token request with wrong credentials (generic), or a password without the second factor it needs. */
    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(org.springframework.security.core.AuthenticationException e) {
        if (e instanceof com.walkrx.base.security.MfaProblem mfa) {
            return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", mfa.getMessage(), null, mfa.code());
        }
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Valid credentials are required.", null, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(e)) { // stopped, restarting, unreachable, a connection killed: issue 12
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ResponseEntity<ProblemDetail> reply = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    DatabaseUnavailable.MESSAGE, null, "SERVICE_UNAVAILABLE");
            return ResponseEntity.status(reply.getStatusCode()).headers(reply.getHeaders())
                    .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(reply.getBody());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong; nothing was stored.",
                null, null);
    }

    static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         List<FieldProblem> errors, String code) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("about:blank"));
        if (errors != null) {
            List<Map<String, String>> list = new ArrayList<>();
            for (FieldProblem p : errors) {
                list.add(Map.of("field", p.field(), "message", p.message()));
            }
            pd.setProperty("errors", list);
        }
        if (code != null) {
            pd.setProperty("code", code);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
