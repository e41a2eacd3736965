package com.walkrx.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only SQL over the check-in module's {@code walk} and {@code check_in} tables, for adherence, today's
 * totals, the step baseline and the pain facts of progression (docs/architecture.md, "Shared definitions").
 * Writes never happen here.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanFacts {

    private final JdbcClient jdbc;

    /** Walked minutes per day, {@code from}..{@code to} inclusive. */
    Map<LocalDate, Integer> minutesByDay(long patientId, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> result = new HashMap<>();
        jdbc.sql("""
                        select date, sum(minutes) as minutes from walk
                        where patient_id = :p and date between :from and :to group by date""")
                .param("p", patientId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> result.put(rs.getObject("date", LocalDate.class), rs.getInt("minutes")))
                .list();
        return result;
    }

    /** Walks and minutes logged on one day. */
    record Logged(int walks, int minutes) {
    }

    Logged logged(long patientId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) as walks, coalesce(sum(minutes), 0) as minutes from walk
                        where patient_id = :p and date between :from and :to""")
                .param("p", patientId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Logged(rs.getInt("walks"), rs.getInt("minutes"))).single();
    }

    /** A day's overall pain: the last {@code overall_pain} reported that day (highest check-in id). */
    Map<LocalDate, Integer> dailyPain(long patientId, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> result = new HashMap<>();
        jdbc.sql("""
                        select distinct on (date) date, overall_pain from check_in
                        where patient_id = :p and overall_pain is not null and date between :from and :to
                        order by date, id desc""")
                .param("p", patientId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> result.put(rs.getObject("date", LocalDate.class), rs.getInt("overall_pain")))
                .list();
        return result;
    }

    /** Overall pain of the latest check-ins dated on or after {@code since}, newest first. */
    List<Integer> recentPains(long patientId, LocalDate since, int limit) {
        return jdbc.sql("""
                        select overall_pain from check_in
                        where patient_id = :p and overall_pain is not null and date >= :since
                        order by date desc, id desc limit :limit""")
                .param("p", patientId).param("since", Date.valueOf(since)).param("limit", limit)
                .query(Integer.class).list();
    }

    /** A day's steps (the last non-null {@code steps} of that date), for the first days on or after {@code since}. */
    SortedMap<LocalDate, Integer> firstDailySteps(long patientId, LocalDate since, int days) {
        SortedMap<LocalDate, Integer> result = new TreeMap<>();
        jdbc.sql("""
                        select date, steps from (
                            select distinct on (date) date, steps from check_in
                            where patient_id = :p and steps is not null and date >= :since
                            order by date, id desc) d
                        order by date limit :days""")
                .param("p", patientId).param("since", Date.valueOf(since)).param("days", days)
                .query((rs, n) -> result.put(rs.getObject("date", LocalDate.class), rs.getInt("steps")))
                .list();
        return result;
    }
}
