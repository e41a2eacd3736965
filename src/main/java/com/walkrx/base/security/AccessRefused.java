package com.walkrx.base.security;

/**
 * A logged-in caller was refused a page by role (published by the UI's access-denied page, in the
 * request's thread), or asked the API for a record that does not exist or is out of reach and no service recorded
 * that (published by the API's not-found answer); the audit trail records it as ACCESS_DENIED.
 */
public record AccessRefused(Caller caller, String target) {

    /**
     * Request attribute set once a denial has been recorded while serving the request, so the API's not-found
     * answer does not record it twice.
     */
    public static final String RECORDED_ATTRIBUTE = "com.walkrx.accessRefusalRecorded";
}
