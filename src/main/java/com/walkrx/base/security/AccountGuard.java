package com.walkrx.base.security;

/**
 * Login throttling and the login audit trail, implemented by the clinic module (which owns the
 * accounts) and called by the security filters of both doors: the login form and HTTP Basic.
 */
public interface AccountGuard {

    /** Which door a login came through. */
    enum Channel { FORM, API }

    /** Why a login was refused; callers see the same generic message for every one of them. */
    enum Failure {
        /** Unknown username or wrong password. */
        BAD_CREDENTIALS,
        /** Too many recent failures for the account or the client address: the password was not checked. */
        LOCKED_OUT,
        /** Right password for a deactivated account. */
        DISABLED,
        /** Right password, wrong or reused second-factor code: counts towards the throttle like a wrong password. */
        WRONG_SECOND_FACTOR
    }

    /** True when the account or the client address is locked out; the attempt is then refused unchecked. */
    boolean lockedOut(String username, String clientAddress);

    /** Records a refused login attempt (throttling counts it; the audit trail shows it). */
    void failed(String username, String clientAddress, Failure failure, Channel channel);

    /** Records a successful login: ends the account's run of failures and audits LOGGED_IN. */
    void succeeded(WalkRxPrincipal user, String clientAddress, Channel channel);

    /** Audits the end of a session: a logout, inactivity, or a deactivated account. */
    void loggedOut(WalkRxPrincipal user, String clientAddress, String how);

    /** False once the account has been deactivated; checked on every request of a UI session. */
    boolean active(long userId);

    /**
     * False once the account has been deactivated or its logins were ended (password change or reset,
     * "revoke logins") after {@code authenticatedAt}; checked on every request of a UI session, on every
     * instance, so ending logins needs no message between instances.
     */
    default boolean sessionValid(long userId, java.time.Instant authenticatedAt) {
        return active(userId);
    }
}
