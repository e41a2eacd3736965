package com.walkrx.base.api;

/** A request that clashes with the current state: a refused transition, a concurrent edit, a rule (409). */
public class ConflictException extends CodedException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
