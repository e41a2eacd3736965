package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the counted refused sign-ins ({@code sign_in_failure}): a clinic admin sees their own clinic's accounts;
 * the operator of the deployment sees what belongs to no clinic (usernames that match no account) and totals per
 * client address. Every read is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SignInFailureService {

    /** How far back the operator may look: as long as the rows are kept. */
    public static final int MAX_DAYS = (int) SignInRecordsPurge.FAILURES.toDays();
    public static final int MAX_ROWS = 500;
    private static final String COLUMNS = """
            f.id, f.window_start, f.client_address, %s, f.reason, f.channel, f.attempts, f.first_at, f.last_at""";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    /** One page of the refused sign-ins of the caller's clinic's accounts, latest first (the last 90 days). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<SignInFailure> clinicFailures(Caller caller, int offset, int limit) {
        List<SignInFailure> rows = jdbc.sql("select " + COLUMNS.formatted("u.username, u.display_name") + """
                         from sign_in_failure f join app_user u on u.id = f.user_id
                        where f.clinic_id = :clinic
                        order by f.last_at desc, f.id desc offset :offset limit :limit""")
                .param("clinic", caller.clinicId())
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, MAX_ROWS)))
                .query(SignInFailureService::failure).list();
        audit.record(caller, AuditAction.VIEWED_SIGN_IN_FAILURES, null, true, "sign-in failures of the clinic, rows "
                + (offset + 1) + "-" + (offset + rows.size()));
        return rows;
    }

    /**
     * For the operator (no clinic): refused sign-ins with usernames that match no account in the last {@code days}
     * days, latest first, at most {@code limit}; audited with the operator's client address.
     */
    @Transactional(readOnly = true)
    public List<SignInFailure> withoutAccount(int days, int limit, String clientAddress) {
        check(days, limit);
        List<SignInFailure> rows = jdbc.sql("select " + COLUMNS.formatted("null as username, null as display_name") + """
                         from sign_in_failure f
                        where f.clinic_id is null and f.last_at > :since
                        order by f.last_at desc, f.id desc limit :limit""")
                .param("since", since(days)).param("limit", limit)
                .query(SignInFailureService::failure).list();
        operatorRead("sign-in failures without an account", days, rows.size(), clientAddress);
        return rows;
    }

    /** For the operator: refused sign-ins per client address across all clinics, most first. */
    @Transactional(readOnly = true)
    public List<SignInAddress> byAddress(int days, int limit, String clientAddress) {
        check(days, limit);
        List<SignInAddress> rows = jdbc.sql("""
                        select client_address, sum(attempts) as attempts, count(distinct user_id) as accounts,
                               coalesce(sum(attempts) filter (where user_id is null), 0) as unknown, max(last_at) as last
                          from sign_in_failure where last_at > :since
                         group by client_address order by attempts desc, last desc limit :limit""")
                .param("since", since(days)).param("limit", limit)
                .query((rs, n) -> new SignInAddress(rs.getString("client_address"), rs.getLong("attempts"),
                        rs.getLong("accounts"), rs.getLong("unknown"), rs.getTimestamp("last").toInstant()))
                .list();
        operatorRead("sign-in failures per address", days, rows.size(), clientAddress);
        return rows;
    }

    private static void check(int days, int limit) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        if (limit < 1 || limit > MAX_ROWS) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_ROWS);
        }
    }

    private Timestamp since(int days) {
        return Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
    }

    private void operatorRead(String what, int days, int shown, String clientAddress) {
        audit.recordAnonymous(null, null, "operator", AuditAction.VIEWED_SIGN_IN_FAILURES, true,
                what + " of the last " + (days == 1 ? "day" : days + " days") + "; " + shown + " shown", clientAddress);
    }

    private static SignInFailure failure(ResultSet rs, int n) throws SQLException {
        return new SignInFailure(rs.getLong("id"), rs.getTimestamp("window_start").toInstant(),
                rs.getString("client_address"), rs.getString("username"), rs.getString("display_name"),
                AccountGuard.Failure.valueOf(rs.getString("reason")), AccountGuard.Channel.valueOf(rs.getString("channel")),
                rs.getInt("attempts"), rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant());
    }
}
