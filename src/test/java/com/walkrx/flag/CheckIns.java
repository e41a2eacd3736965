package com.walkrx.flag;

import com.walkrx.checkin.CheckInEvaluator.Evaluation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores check-ins the way the check-in module does (rows in check_in and walk) and runs the flag evaluator in
 * the same transaction, so flag tests need no check-in module. Every {@link com.walkrx.support.WalkRxTest} can
 * inject it.
 */
@TestComponent
public final class CheckIns {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FlagEvaluator evaluator;

    public CheckIns(JdbcClient jdbc, PlatformTransactionManager txManager, FlagEvaluator evaluator) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.evaluator = evaluator;
    }

    /** What a check-in carries; symptoms stay null unless one is set. */
    public static final class Spec {
        Integer pain;
        String numbness;
        String weakness;
        Boolean bothLegs;
        Boolean saddle;
        Boolean bladder;
        Boolean fever;
        Boolean weightLoss;
        Boolean injury;
        final List<int[]> walks = new ArrayList<>(); // before, after, sharp (0/1)

        public Spec pain(int p) { pain = p; return this; }

        public Spec bladder() { symptoms(); bladder = true; return this; }

        public Spec saddle() { symptoms(); saddle = true; return this; }

        public Spec fever() { symptoms(); fever = true; return this; }

        public Spec injury() { symptoms(); injury = true; return this; }

        public Spec numbness(String change, boolean both) { symptoms(); numbness = change; bothLegs = both; return this; }

        public Spec walk(int before, int after) { walks.add(new int[] {before, after, 0}); return this; }

        public Spec sharpWalk(int before, int after) { walks.add(new int[] {before, after, 1}); return this; }

        private void symptoms() {
            if (numbness == null) {
                numbness = "NONE";
                weakness = "NONE";
                bothLegs = false;
                saddle = false;
                bladder = false;
                fever = false;
                weightLoss = false;
                injury = false;
            }
        }
    }

    /** A stored and evaluated check-in. */
    public record Recorded(long checkInId, Evaluation evaluation) {
    }

    /** Stores a check-in and evaluates it in one transaction, as the check-in module will. */
    public Recorded record(long clinicId, long patientId, LocalDate date, Consumer<Spec> content) {
        Spec spec = new Spec();
        content.accept(spec);
        return tx.execute(status -> {
            long id = insert(clinicId, patientId, date, spec);
            return new Recorded(id, evaluator.evaluate(clinicId, patientId, id, date));
        });
    }

    /** Stores a check-in without evaluating it (history only). */
    public long insert(long clinicId, long patientId, LocalDate date, Spec spec) {
        long id = jdbc.sql("select nextval('check_in_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into check_in (id, clinic_id, patient_id, date, overall_pain, numbness_tingling, leg_weakness,
                    both_legs, saddle_numbness, bladder_bowel_problems, fever, unexplained_weight_loss, new_injury_or_fall)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, clinicId, patientId, date, spec.pain, spec.numbness, spec.weakness, spec.bothLegs,
                spec.saddle, spec.bladder, spec.fever, spec.weightLoss, spec.injury).update();
        int position = 0;
        for (int[] w : spec.walks) {
            jdbc.sql("""
                    insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                        pain_before, pain_after, sharp_pain)
                    values (nextval('walk_seq'), ?, ?, ?, ?, ?, 10, 'FLAT', ?, ?, ?)
                    """).params(id, clinicId, patientId, date, position++, w[0], w[1], w[2] == 1).update();
        }
        return id;
    }

    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
