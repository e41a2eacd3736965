package com.walkrx.base.api;

/** Something that does not exist or is outside the caller's care team: the two are never told apart. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
