package com.walkrx.base.api;

/** A well-formed request the server will not carry out as sent (422), with a machine-readable code. */
public class UnprocessableException extends RuntimeException {

    private final String code;

    public UnprocessableException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A machine-readable code such as IDEMPOTENCY_KEY_REUSED. */
    public String code() {
        return code;
    }
}
