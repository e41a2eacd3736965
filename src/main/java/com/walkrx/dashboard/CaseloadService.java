package com.walkrx.dashboard;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.checkin.CheckInSql;
import com.walkrx.outcome.OutcomeSql;
import com.walkrx.flag.FlagService;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.patient.PatientAccess;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The caseload read model: one SQL statement produces a page of patients with every number the
 * triage grid shows, whatever the caseload's size.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CaseloadService {

    /** Where the caller's scope goes: {@link PatientAccess#scopeSql} for their role. */
    private static final String SCOPE = "/* scope */ true";

    /** The patient's most pressing flag: highest tier, an unacknowledged one before an acknowledged, oldest. */
    private static final String TOP_FLAG_ORDER = "case f.tier when 'URGENT' then 3 when 'HIGH' then 2 else 1 end desc,"
            + " case f.status when 'OPEN' then 0 else 1 end, f.raised_at";

    /**
     * Every scoped patient with what the order and the filters need: the live plan's prescription, the
     * 7-day adherence (docs/architecture.md, "Shared definitions"), the last check-in and the open flags by tier.
     * The flags the caseload ranks by are those that need attention ({@link FlagService#NEEDS_ATTENTION_SQL}): an
     * acknowledged URGENT or HIGH flag keeps its patient on top until it is resolved (issue 20).
     */
    private static final String RANKED = """
            with scoped as (
                select p.id, p.given_name, p.family_name, p.condition, p.acuity,
                       pl.status as plan_status, pl.current_phase,
                       ph.walks_per_day, ph.walks_per_week, ph.minutes_min,
                       case when pl.status in ('ACTIVE', 'PAUSED') then
                            greatest(cast(:today as date) - 7,
                                     coalesce(cast(pl.activated_at at time zone c.time_zone as date), pl.start_date))
                       end as adh_from
                from patient p
                join clinic c on c.id = p.clinic_id
                left join plan pl on pl.patient_id = p.id and pl.status <> 'ENDED'
                left join plan_phase ph on ph.plan_id = pl.id and ph.number = pl.current_phase
                where %1$s
                  and (:namePattern = '' or (p.given_name || ' ' || p.family_name) ilike :namePattern)
                  and (cast(:phase as int) is null
                       or (cast(:phase as int) = -1 and pl.id is null)
                       or pl.current_phase = cast(:phase as int))
            ),
            ranked as (
                select s.*, adh.adherence, lc.last_date,
                       coalesce(fl.urgent, 0) as urgent, coalesce(fl.high, 0) as high,
                       coalesce(fl.advisory, 0) as advisory, coalesce(fl.acknowledged, 0) as acknowledged,
                       coalesce(fl.top_rank, 0) as top_rank, fl.top_oldest,
                       coalesce(fl.top_status = 'ACKNOWLEDGED', false) as top_acknowledged, fl.top_ack_by, fl.top_ack_at,
                       prom.overdue_questionnaires, prom.improved_on
                from scoped s
                left join lateral (%5$s) adh on s.adh_from < cast(:today as date) and s.minutes_min is not null
                left join lateral (
                    select max(ci.date) as last_date from check_in ci where ci.patient_id = s.id
                ) lc on true
                left join lateral (
                    select count(*) filter (where f.tier = 'URGENT') as urgent,
                           count(*) filter (where f.tier = 'HIGH') as high,
                           count(*) filter (where f.tier = 'ADVISORY') as advisory,
                           count(*) filter (where f.status = 'ACKNOWLEDGED') as acknowledged,
                           max(case f.tier when 'URGENT' then 3 when 'HIGH' then 2 else 1 end) as top_rank,
                           (array_agg(f.raised_at order by %2$s))[1] as top_oldest,
                           (array_agg(f.status order by %2$s))[1] as top_status,
                           (array_agg(f.acknowledged_by_name order by %2$s))[1] as top_ack_by,
                           (array_agg(f.acknowledged_at order by %2$s))[1] as top_ack_at
                    from flag f
                    where f.patient_id = s.id and %3$s
                ) fl on true
                left join lateral (%4$s) prom on true
                where (:openOnly = false or fl.top_rank is not null)
                  and (:staleOnly = false or lc.last_date is null or lc.last_date <= cast(:today as date) - :staleDays)
            )
            """.formatted(SCOPE, TOP_FLAG_ORDER, FlagService.NEEDS_ATTENTION_SQL, OutcomeSql.PATIENT_BADGES,
                    CheckInSql.adherence("s.id", "s.adh_from", "s.walks_per_day", "s.walks_per_week", "s.minutes_min"));

    /** The page of {@link #RANKED}, with the numbers only the shown rows need (latest pain, baseline, sparkline). */
    private static final String PAGE_CTE = """
            , page as (
                select r.*, count(*) over () as total, row_number() over (order by %s) as rn
                from ranked r
                order by rn
                offset :offset limit :limit
            )
            """;

    private static final String PAGE_SELECT = """
            select pg.*, lp.pain as latest_pain, lp.date as latest_pain_date, bl.pain_sum, bl.pain_days, sp.series,
                   un.unread_notes
            from page pg
            left join lateral (
                select count(*) as unread_notes
                from check_in ci
                where ci.patient_id = pg.id and ci.notes is not null
                  and ci.recorded_at > coalesce((select nr.read_up_to from note_read nr
                                                 where nr.user_id = :noteReader and nr.patient_id = pg.id),
                                                '-infinity'::timestamptz)
            ) un on true
            left join lateral (""" + CheckInSql.latestPain("pg.id") + """
            ) lp on true
            left join lateral (""" + CheckInSql.baselinePain("pg.id") + """
            ) bl on true
            left join lateral (
                select array_agg(dp.pain order by g.day) as series
                from generate_series(cast(:today as date) - 27, cast(:today as date), interval '1 day') as g(day)
                left join (select distinct on (ci.date) ci.date, ci.overall_pain::int as pain
                           from check_in ci
                           where ci.patient_id = pg.id and ci.overall_pain is not null
                             and ci.date > cast(:today as date) - 28 and ci.date <= cast(:today as date)
                           order by ci.date, ci.id desc) dp on dp.date = cast(g.day as date)
            ) sp on true
            order by pg.rn
            """;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    /**
     * One page of the caller's caseload (clinician: care teams; admin: clinic), in the filter's order. One
     * statement, so no transaction: bench/README.md shows what beginning and ending one cost here.
     */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    public CaseloadPage page(Caller caller, CaseloadFilter filter, int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        long[] total = {0};
        String detail = "caseload " + filter.describe() + (offset == 0 ? "" : ", from row " + offset);
        // Outside a transaction (the API's case) the read's audit entry, naming every patient it showed and the
        // filter (issue 15), is a data-modifying CTE of the page's own statement: one round trip, one commit,
        // durable before the reply. Inside one, it is written after the read, as AuditService does.
        boolean inStatement = !TransactionSynchronizationManager.isActualTransactionActive();
        Map<String, Object> params = new java.util.HashMap<>(params(caller, filter, today));
        String audited = "";
        if (inStatement) {
            AuditService.Cte cte = audit.shownCte("audited", caller, AuditAction.LISTED_PATIENTS,
                    "select pg.id, pg.rn as n from page pg", detail);
            audited = ",\n" + cte.sql() + "\n";
            params.putAll(cte.params());
        }
        List<CaseloadRow> rows = jdbc.sql(scoped(RANKED + PAGE_CTE.formatted(orderBy(filter)) + audited + PAGE_SELECT,
                        caller))
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return row(rs, today);
                })
                .list();
        if (rows.isEmpty() && offset > 0) {
            total[0] = count(caller, filter);
        }
        if (!inStatement) {
            audit.recordShown(caller, AuditAction.LISTED_PATIENTS, rows.stream().map(CaseloadRow::id).toList(), detail);
        }
        return new CaseloadPage(rows, total[0]);
    }

    /** How many patients of the caller's caseload match the filter. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    public long count(Caller caller, CaseloadFilter filter) {
        return jdbc.sql(scoped(RANKED + " select count(*) from ranked", caller))
                .params(params(caller, filter, LocalDate.now(clock)))
                .query(Long.class).single();
    }

    /** {@code with scoped as (...), ranked as (...)} for the caller: their patients with the ranking numbers. */
    static String ranked(Caller caller) {
        return scoped(RANKED, caller);
    }

    /** The statement with the caller's role's scope predicate in place. */
    private static String scoped(String sql, Caller caller) {
        return sql.replace(SCOPE, PatientAccess.scopeSql(caller));
    }

    static Map<String, Object> params(Caller caller, CaseloadFilter filter, LocalDate today) {
        var params = new java.util.HashMap<String, Object>(PatientAccess.scopeParams(caller));
        params.put("today", today);
        params.put("namePattern", filter.name().isEmpty() ? "" : "%" + likeEscape(filter.name()) + "%");
        params.put("phase", filter.phase());
        params.put("openOnly", filter.openFlagsOnly());
        params.put("staleOnly", filter.noRecentCheckIn());
        params.put("staleDays", CaseloadFilter.STALE_DAYS);
        params.put("noteReader", caller.userId()); // "unread notes" are per clinician
        return params;
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String orderBy(CaseloadFilter filter) {
        String dir = filter.descending() ? "desc" : "asc";
        return switch (filter.sort()) {
            case TRIAGE -> "r.top_rank desc, r.top_acknowledged asc, r.top_oldest asc nulls last, r.adherence asc nulls last, "
                    + "r.family_name, r.given_name, r.id";
            case NAME -> "r.family_name " + dir + ", r.given_name " + dir + ", r.id";
            case ADHERENCE -> "r.adherence " + dir + " nulls last, r.family_name, r.given_name, r.id";
            case LAST_CHECK_IN -> "r.last_date " + dir + (filter.descending() ? " nulls last" : " nulls first")
                    + ", r.family_name, r.given_name, r.id";
            // ascending: most overdue questionnaires first, then those without an important improvement
            case OUTCOMES -> (filter.descending()
                    ? "r.improved_on is not null desc, r.overdue_questionnaires asc"
                    : "r.overdue_questionnaires desc, r.improved_on is not null asc") + ", r.family_name, r.given_name, r.id";
        };
    }

    private static CaseloadRow row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate lastDate = rs.getObject("last_date", LocalDate.class);
        Integer latestPain = (Integer) rs.getObject("latest_pain", Integer.class);
        long painDays = rs.getLong("pain_days");
        PainChange change = latestPain != null && painDays > 0
                ? new PainChange(rs.getInt("pain_sum"), (int) painDays, latestPain) : null;
        BigDecimal adherence = rs.getBigDecimal("adherence");
        OffsetDateTime oldest = rs.getObject("top_oldest", OffsetDateTime.class);
        return new CaseloadRow(rs.getLong("id"), rs.getString("given_name"), rs.getString("family_name"),
                Condition.valueOf(rs.getString("condition")), Acuity.valueOf(rs.getString("acuity")),
                rs.getString("plan_status"), (Integer) rs.getObject("current_phase", Integer.class),
                adherence == null ? null : adherence.doubleValue(), latestPain,
                rs.getObject("latest_pain_date", LocalDate.class), change, lastDate,
                lastDate == null ? null : (int) ChronoUnit.DAYS.between(lastDate, today),
                rs.getInt("urgent"), rs.getInt("high"), rs.getInt("advisory"), OpenTier.ofRank(rs.getInt("top_rank")),
                oldest == null ? null : oldest.toInstant(), integers(rs.getArray("series")),
                rs.getInt("overdue_questionnaires"), rs.getString("improved_on"),
                rs.getInt("acknowledged"), acknowledgement(rs), rs.getInt("unread_notes"));
    }

    /** Who acknowledged the patient's most pressing flag and when, if it is acknowledged. */
    private static CaseloadRow.Acknowledgement acknowledgement(ResultSet rs) throws SQLException {
        if (!rs.getBoolean("top_acknowledged")) {
            return null;
        }
        OffsetDateTime at = rs.getObject("top_ack_at", OffsetDateTime.class);
        return new CaseloadRow.Acknowledgement(rs.getString("top_ack_by"), at == null ? null : at.toInstant());
    }

    static List<Integer> integers(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Integer> result = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(v -> result.add(v == null ? null : ((Number) v).intValue()));
        return java.util.Collections.unmodifiableList(result);
    }
}
