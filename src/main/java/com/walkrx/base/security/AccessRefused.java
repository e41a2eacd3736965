package com.walkrx.base.security;

/**
 * A logged-in caller was refused a page by role (published by the UI's access-denied page, in the
 * request's thread; the audit trail records it as ACCESS_DENIED).
 */
public record AccessRefused(Caller caller, String target) {
}
