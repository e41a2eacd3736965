package com.walkrx.checkin;

import com.walkrx.base.clinical.Surface;
import com.walkrx.base.clinical.SymptomLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** How the check-in reads map their rows: one column list, one check-in row, one walk (its columns named walk_*). */
final class CheckInRows {

    static final String COLUMNS = """
            c.id, c.patient_id, c.date, c.recorded_at, c.overall_pain, c.steps, c.notes, c.numbness_tingling,
            c.leg_weakness, c.both_legs, c.saddle_numbness, c.bladder_bowel_problems, c.fever,
            c.unexplained_weight_loss, c.new_injury_or_fall
            """;

    private CheckInRows() {
    }

    static CheckInRecord row(ResultSet rs, int n) throws SQLException {
        Integer pain = rs.getObject("overall_pain", Integer.class);
        Integer steps = (Integer) rs.getObject("steps");
        String numbness = rs.getString("numbness_tingling");
        Symptoms symptoms = numbness == null ? null : new Symptoms(SymptomLevel.valueOf(numbness),
                SymptomLevel.valueOf(rs.getString("leg_weakness")), rs.getBoolean("both_legs"),
                rs.getBoolean("saddle_numbness"), rs.getBoolean("bladder_bowel_problems"), rs.getBoolean("fever"),
                rs.getBoolean("unexplained_weight_loss"), rs.getBoolean("new_injury_or_fall"));
        return new CheckInRecord(rs.getLong("id"), rs.getLong("patient_id"),
                rs.getObject("date", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                pain == null ? null : new PainScore(pain), steps == null ? null : new StepCount(steps), List.of(),
                symptoms, rs.getString("notes"));
    }

    /** A PostgreSQL array literal of ids, bound as one text parameter and cast in the statement. */
    static String idArray(List<Long> ids) {
        StringBuilder b = new StringBuilder(ids.size() * 8 + 2).append('{');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(ids.get(i).longValue());
        }
        return b.append('}').toString();
    }

    /** The walk in the current row: columns walk_minutes, walk_surface, walk_pain_before/after, walk_sharp_pain, walk_steps. */
    static WalkEntry walk(ResultSet rs) throws SQLException {
        Integer steps = (Integer) rs.getObject("walk_steps");
        return new WalkEntry(new WalkMinutes(rs.getInt("walk_minutes")), Surface.valueOf(rs.getString("walk_surface")),
                new PainScore(rs.getInt("walk_pain_before")), new PainScore(rs.getInt("walk_pain_after")),
                rs.getBoolean("walk_sharp_pain"), steps == null ? null : new StepCount(steps));
    }
}
