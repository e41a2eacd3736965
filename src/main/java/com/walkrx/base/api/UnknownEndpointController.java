package com.walkrx.base.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API path no controller serves is a 404 problem; without this the request would fall through to
 * Vaadin, which answers any path with its HTML page (and a session).
 */
@RestController
class UnknownEndpointController {

    /** The detail of the problem, distinct from a record that is not found. */
    static final String DETAIL = "There is no such endpoint.";

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, DETAIL);
        pd.setTitle("Not found");
        pd.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
