package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.WalkRxPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login throttling and the login audit trail. Attempts are stored in PostgreSQL, so every app instance
 * sees the same counts and decides alike. Three locks, none of which lets a stranger keep the owner out:
 * <ul>
 * <li>per account and client address: after {@value #PAIR_MAX_FAILURES} failures in a row (since the
 * account's last successful login, within a day) that address waits {@link #LOCK} for the account, and
 * each further failure there doubles the wait (up to {@link #MAX_LOCK}). Other addresses are not
 * affected, so a guesser elsewhere does not lock the owner out;</li>
 * <li>per client address: {@value #ADDRESS_MAX_FAILURES} failures within {@link #WINDOW} (any accounts)
 * lock that address for {@link #LOCK};</li>
 * <li>per account, from anywhere: {@value #ACCOUNT_MAX_FAILURES} failures within {@link #WINDOW} (a
 * guess spread over many addresses) lock the account, except at addresses where it logged in within
 * {@link #KNOWN_ADDRESS} (they stay open to the owner).</li>
 * </ul>
 * While locked, attempts are refused without checking the password (and do not extend the lock); refusals are
 * counted per address, account and hour ({@link SignInFailureLog}, as every refused sign-in is) and audited once
 * per such count, so a client retrying in a loop writes no row per attempt. Old rows of every username are purged
 * by {@link SignInRecordsPurge}. Every
 * {@value #ALERT_EVERY}th failure for an account within an hour alerts the clinic's admins (audit entry
 * {@code REPEATED_LOGIN_FAILURES}, listed on the clinic settings page). Times come from the injected clock.
 */
@Component
class LoginSecurity implements AccountGuard {

    static final int PAIR_MAX_FAILURES = 5;
    static final int ADDRESS_MAX_FAILURES = 20;
    static final int ACCOUNT_MAX_FAILURES = 50;
    static final int ALERT_EVERY = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofHours(8);
    static final Duration PAIR_RUN = Duration.ofDays(1);
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
    /** API logins (one per request) are audited once per user and address in this period. */
    static final Duration API_LOGIN_AUDIT_PERIOD = Duration.ofMinutes(15);
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final SignInFailureLog failures;
    private final Map<String, Instant> apiLoginsAudited = new ConcurrentHashMap<>();

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    LoginSecurity(JdbcClient jdbc, AuditService audit, Clock clock, SignInFailureLog failures,
                  org.springframework.transaction.PlatformTransactionManager transactions) {
        this.failures = failures;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the account waits at an address after {@code failures} failures in a row there. */
    static Duration pairLock(long failures) {
        if (failures < PAIR_MAX_FAILURES) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - PAIR_MAX_FAILURES, 10);
        Duration lock = LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    @Override
    public boolean lockedOut(String username, String clientAddress) {
        Instant now = clock.instant();
        // One statement for every lock: it runs before every API request's password check.
        Object[] row = jdbc.sql("""
                        with last_ok as (
                            select coalesce(max(id), 0) as id from login_attempt
                            where username_key = :key and outcome = 'SUCCEEDED'),
                        pair as (
                            select count(*) as n, max(at) as last from login_attempt
                            where username_key = :key and client_address = :address and outcome = 'FAILED'
                              and at > :pairSince and at <= :now and id > (select id from last_ok)),
                        account as (
                            select count(*) as n from login_attempt
                            where username_key = :key and outcome = 'FAILED' and at > :windowStart and at <= :now
                              and id > (select id from last_ok)),
                        address as (
                            select at from login_attempt
                            where client_address = :address and outcome = 'FAILED' and at > :since and at <= :now)
                        select (select n from pair) as pair_n, (select last from pair) as pair_last,
                               (select n from account) as account_n,
                               exists (select 1 from login_address where username_key = :key
                                       and client_address = :address and last_success_at > :knownSince) as known,
                               (select max(f.at) from address f
                                 where (select count(*) from address g
                                        where g.at > f.at - :window * interval '1 second' and g.at <= f.at) >= :addressMax)
                                   as address_run_end
                        """)
                .param("key", key(username))
                .param("address", clientAddress)
                .param("now", Timestamp.from(now))
                .param("pairSince", Timestamp.from(now.minus(PAIR_RUN)))
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .param("since", Timestamp.from(now.minus(LOCK).minus(WINDOW)))
                .param("knownSince", Timestamp.from(now.minus(KNOWN_ADDRESS)))
                .param("window", WINDOW.toSeconds())
                .param("addressMax", ADDRESS_MAX_FAILURES)
                .query((rs, n) -> new Object[] {rs.getLong("pair_n"), rs.getTimestamp("pair_last"),
                        rs.getLong("account_n"), rs.getBoolean("known"), rs.getTimestamp("address_run_end")})
                .single();
        long pairFailures = (Long) row[0];
        Timestamp pairLast = (Timestamp) row[1];
        if (pairLast != null && pairLast.toInstant().plus(pairLock(pairFailures)).isAfter(now)) {
            return true;
        }
        if ((Long) row[2] >= ACCOUNT_MAX_FAILURES && !(Boolean) row[3]) {
            return true;
        }
        Timestamp addressRunEnd = (Timestamp) row[4];
        return addressRunEnd != null && addressRunEnd.toInstant().plus(LOCK).isAfter(now);
    }

    @Override
    public void failed(String username, String clientAddress, Failure failure, Channel channel) {
        Instant now = clock.instant();
        String key = key(username);
        Optional<Account> account = account(username);
        int inWindow = failures.count(now, clientAddress, account.map(Account::clinicId).orElse(null),
                account.map(Account::id).orElse(null), failure, channel);
        if (failure == Failure.LOCKED_OUT) {
            // Refused unchecked: counted above, and audited once per address, account and window, however often
            // a locked-out client retries. The throttle does not count refusals, so no login_attempt row.
            if (inWindow == 1) {
                audit.recordAnonymous(account.map(Account::clinicId).orElse(null), account.map(Account::id).orElse(null),
                        shorten(username), AuditAction.LOGIN_FAILED, false, channelName(channel)
                                + ": refused, too many recent failures for the account or address", clientAddress);
            }
            return;
        }
        jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (:at, :key, :address, 'FAILED')")
                .param("at", Timestamp.from(now))
                .param("key", key)
                .param("address", clientAddress)
                .update();
        String detail = channelName(channel) + ": " + switch (failure) {
            case BAD_CREDENTIALS -> account.isPresent() ? "wrong password" : "unknown username";
            case DISABLED -> "account deactivated";
            case WRONG_SECOND_FACTOR -> "wrong second-factor code";
            case LOCKED_OUT -> throw new IllegalStateException("handled above");
        };
        audit.recordAnonymous(account.map(Account::clinicId).orElse(null), account.map(Account::id).orElse(null),
                shorten(username), AuditAction.LOGIN_FAILED, false, detail, clientAddress);
        account.ifPresent(a -> alertOnRepeatedFailures(a, username, key, clientAddress, now));
    }

    /** Every ALERT_EVERY-th failure for an account within an hour: an entry the clinic's admins see. */
    private void alertOnRepeatedFailures(Account account, String username, String key, String clientAddress,
                                         Instant now) {
        long[] counts = jdbc.sql("select count(*), count(distinct client_address) from login_attempt "
                        + "where username_key = :key and outcome = 'FAILED' and at > :since and at <= :now")
                .param("key", key).param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (counts[0] > 0 && counts[0] % ALERT_EVERY == 0) {
            audit.recordAnonymous(account.clinicId(), account.id(), shorten(username),
                    AuditAction.REPEATED_LOGIN_FAILURES, false, counts[0] + " failed logins within an hour from "
                            + counts[1] + " address(es); the latest from " + clientAddress, clientAddress);
        }
    }

    @Override
    public void succeeded(WalkRxPrincipal user, String clientAddress, Channel channel) {
        Instant now = clock.instant();
        String key = key(user.getUsername());
        // Only a success that ends a run of failures is stored: API requests log in on every call.
        jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) "
                        + "select :at, :key, :address, 'SUCCEEDED' where exists (select 1 from login_attempt f "
                        + "where f.username_key = :key and f.outcome in ('FAILED', 'REFUSED') and f.id > coalesce("
                        + "(select max(id) from login_attempt where username_key = :key and outcome = 'SUCCEEDED'), 0))")
                .param("at", Timestamp.from(now))
                .param("key", key)
                .param("address", clientAddress)
                .update();
        if (channel == Channel.API && !apiLoginDue(user.userId(), clientAddress, now)) {
            return;
        }
        if (clientAddress != null) {
            // An address the owner uses: a lock against the account as a whole does not apply here.
            jdbc.sql("insert into login_address (username_key, client_address, last_success_at) values (:key, :address, :now) "
                            + "on conflict (username_key, client_address) do update set last_success_at = excluded.last_success_at")
                    .param("key", key).param("address", clientAddress).param("now", Timestamp.from(now)).update();
        }
        audit.recordAnonymous(user.clinicId(), user.userId(), user.getUsername(), AuditAction.LOGGED_IN, true,
                channelName(channel), clientAddress);
    }

    private boolean apiLoginDue(long userId, String clientAddress, Instant now) {
        if (apiLoginsAudited.size() > 10_000) {
            apiLoginsAudited.clear();
        }
        String k = userId + "|" + clientAddress;
        Instant last = apiLoginsAudited.get(k);
        if (last != null && !now.isBefore(last) && now.isBefore(last.plus(API_LOGIN_AUDIT_PERIOD))) {
            return false;
        }
        apiLoginsAudited.put(k, now);
        return true;
    }

    @Override
    public void loggedOut(WalkRxPrincipal user, String clientAddress, String how) {
        audit.recordAnonymous(user.clinicId(), user.userId(), user.getUsername(), AuditAction.LOGGED_OUT, true, how,
                clientAddress);
    }

    @Override
    public boolean active(long userId) {
        return jdbc.sql("select enabled from app_user where id = :id").param("id", userId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** The throttle's key for one-time codes: no username can look like it (usernames start with a letter or digit). */
    static final String CODE_KEY = "#one-time-code";

    @Override
    public boolean codeAttemptsPaused(String clientAddress) {
        return lockedOut(CODE_KEY, clientAddress);
    }

    @Override
    public void codeFailed(String clientAddress) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "insert into login_attempt (at, username_key, client_address, outcome) values (:at, :key, :address, 'FAILED')")
                .param("at", Timestamp.from(clock.instant())).param("key", CODE_KEY).param("address", clientAddress)
                .update());
    }

    @Override
    public boolean sessionValid(long userId, Instant authenticatedAt) {
        return jdbc.sql("select enabled and (logins_valid_after is null or logins_valid_after <= :at) from app_user "
                        + "where id = :id")
                .param("id", userId).param("at", Timestamp.from(authenticatedAt)).query(Boolean.class)
                .optional().orElse(false);
    }

    private record Account(long id, long clinicId) {
    }

    private Optional<Account> account(String username) {
        return jdbc.sql("select id, clinic_id from app_user where lower(username) = lower(:username)")
                .param("username", username)
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getLong("clinic_id"))).optional();
    }

    private static String channelName(Channel channel) {
        return channel == Channel.FORM ? "login form" : "API";
    }

    /** The throttling key of a username: as typed, case-insensitive. */
    static String key(String username) {
        String k = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    private static String shorten(String username) {
        return username == null ? "" : username.length() > MAX_NAME ? username.substring(0, MAX_NAME) : username;
    }
}
