package com.walkrx.base.api;

/** A request that clashes with the current state: a refused transition, a concurrent edit, a rule. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A machine-readable code such as SURGERY_CLEARANCE_MISSING. */
    public String code() {
        return code;
    }
}
