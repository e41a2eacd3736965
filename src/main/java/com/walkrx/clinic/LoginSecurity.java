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
 * Login throttling and the login audit trail. Attempts are stored in PostgreSQL, so every app
 * instance sees the same counts. {@value #ACCOUNT_MAX_FAILURES} failures for an account within
 * {@link #WINDOW} lock it for {@link #LOCK}; {@value #ADDRESS_MAX_FAILURES} failures from one client
 * address within {@link #WINDOW} lock that address for {@link #LOCK}. While locked, attempts are
 * refused without checking the password (and do not extend the lock). A successful login ends the
 * account's run of failures. Times come from the injected clock.
 */
@Component
class LoginSecurity implements AccountGuard {

    static final int ACCOUNT_MAX_FAILURES = 5;
    static final int ADDRESS_MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** API logins (one per request) are audited once per user and address in this period. */
    static final Duration API_LOGIN_AUDIT_PERIOD = Duration.ofMinutes(15);
    private static final Duration KEEP = Duration.ofDays(1);
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final Map<String, Instant> apiLoginsAudited = new ConcurrentHashMap<>();

    LoginSecurity(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean lockedOut(String username, String clientAddress) {
        Instant now = clock.instant();
        // One statement for both locks: it runs before every API request's password check.
        List<Timestamp> runEnds = jdbc.sql("""
                        with account as (
                            select at from login_attempt
                            where username_key = :key and outcome = 'FAILED' and at > :since and at <= :now
                              and id > coalesce((select max(id) from login_attempt
                                                 where username_key = :key and outcome = 'SUCCEEDED'), 0)),
                        address as (
                            select at from login_attempt
                            where client_address = :address and outcome = 'FAILED' and at > :since and at <= :now)
                        select (select max(f.at) from account f
                                 where (select count(*) from account g
                                        where g.at > f.at - :window * interval '1 second' and g.at <= f.at) >= :accountMax)
                                   as account_run_end,
                               (select max(f.at) from address f
                                 where (select count(*) from address g
                                        where g.at > f.at - :window * interval '1 second' and g.at <= f.at) >= :addressMax)
                                   as address_run_end
                        """)
                .param("key", key(username))
                .param("address", clientAddress)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(LOCK).minus(WINDOW)))
                .param("window", WINDOW.toSeconds())
                .param("accountMax", ACCOUNT_MAX_FAILURES)
                .param("addressMax", ADDRESS_MAX_FAILURES)
                .query((rs, n) -> java.util.Arrays.asList(rs.getTimestamp("account_run_end"),
                        rs.getTimestamp("address_run_end")))
                .single();
        // A lock lasts LOCK from the failure that completed a run of max failures within WINDOW.
        return runEnds.stream().filter(java.util.Objects::nonNull)
                .anyMatch(end -> end.toInstant().plus(LOCK).isAfter(now));
    }

    @Override
    public void failed(String username, String clientAddress, Failure failure, Channel channel) {
        Instant now = clock.instant();
        String key = key(username);
        jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (:at, :key, :address, :outcome)")
                .param("at", Timestamp.from(now))
                .param("key", key)
                .param("address", clientAddress)
                .param("outcome", failure == Failure.LOCKED_OUT ? "REFUSED" : "FAILED")
                .update();
        Timestamp old = Timestamp.from(now.minus(KEEP));
        jdbc.sql("delete from login_attempt where username_key = :key and at < :old").param("key", key)
                .param("old", old).update();
        Optional<Account> account = account(username);
        String detail = channelName(channel) + ": " + switch (failure) {
            case BAD_CREDENTIALS -> account.isPresent() ? "wrong password" : "unknown username";
            case LOCKED_OUT -> "refused, too many recent failures for the account or address";
            case DISABLED -> "account deactivated";
            case WRONG_SECOND_FACTOR -> "wrong second-factor code";
        };
        audit.recordAnonymous(account.map(Account::clinicId).orElse(null), account.map(Account::id).orElse(null),
                shorten(username), AuditAction.LOGIN_FAILED, false, detail, clientAddress);
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
