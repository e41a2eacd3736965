package com.walkrx.base.api;

/** A refusal the API reports with a machine-readable code beside the message. */
public abstract class CodedException extends RuntimeException {

    private final String code;

    protected CodedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A machine-readable code such as SURGERY_CLEARANCE_MISSING or IDEMPOTENCY_KEY_REUSED. */
    public String code() {
        return code;
    }
}
