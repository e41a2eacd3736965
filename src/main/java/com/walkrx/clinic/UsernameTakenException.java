package com.walkrx.clinic;

/** A username must be unique across WalkRx. */
public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("The username '" + username + "' is already taken");
    }
}
