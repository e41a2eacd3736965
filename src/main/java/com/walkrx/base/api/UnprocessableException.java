package com.walkrx.base.api;

/** A well-formed request the server will not carry out as sent (422), with a machine-readable code. */
public class UnprocessableException extends CodedException {

    public UnprocessableException(String code, String message) {
        super(code, message);
    }
}
