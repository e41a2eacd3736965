package com.walkrx.flag;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.clinical.Tier;
import com.walkrx.base.security.Role;
import com.walkrx.flag.FlagNotices.Kind;
import com.walkrx.flag.FlagNotices.Notice;
import com.walkrx.support.SharedTestDatabase;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What another instance hears: a committed URGENT check-in sends notices with ids only (the alert and the change),
 * a rolled-back one sends nothing.
 */
@WalkRxTest
class FlagNoticesTest extends SpringTest {

    @Autowired PlatformTransactionManager txManager;
    @Autowired FlagNotices notices;
    @Autowired CheckIns checkIns;

    @Test
    void a_committed_urgent_flag_is_announced_to_every_instance_with_ids_only() throws Exception {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Ines", "Moreau", null, clinician);
        try (Connection other = listener()) {
            checkIns.record(clinic, patient, LocalDate.now(), c -> c.pain(5).bladder());

            List<String> payloads = receive(other, 2);
            long flagId = jdbc.sql("select id from flag where patient_id = ?").param(patient).query(Long.class).single();
            assertThat(payloads).containsExactly(
                    "{\"clinicId\":" + clinic + ",\"patientId\":" + patient + ",\"flagId\":" + flagId
                            + ",\"kind\":\"RAISED\"}",
                    "{\"clinicId\":" + clinic + ",\"patientId\":" + patient + ",\"flagId\":null,\"kind\":\"CHANGED\"}");
            Notice raised = Notice.parse(payloads.get(0)).orElseThrow();
            assertThat(raised).isEqualTo(new Notice(clinic, patient, flagId, Kind.RAISED));
            FlagRaised alert = notices.alert(raised).orElseThrow();
            assertThat(alert.patientName()).isEqualTo("Ines Moreau");
            assertThat(alert.code()).isEqualTo(FlagCode.CAUDA_EQUINA_SIGNS);
            assertThat(alert.tier()).isEqualTo(Tier.URGENT);
            assertThat(alert.firstRaised()).isTrue();
            assertThat(notices.alert(new Notice(clinic + 1, patient, flagId, Kind.RAISED)))
                    .as("ids that do not belong together").isEmpty();
        }
    }

    @Test
    void a_rolled_back_flag_is_never_announced() throws Exception {
        TestData.CareTeam team = data.careTeam("Ola", "Berg");
        try (Connection other = listener()) {
            new TransactionTemplate(txManager).executeWithoutResult(status -> {
                notices.send(new Notice(team.clinic(), team.patient(), 1L, Kind.RAISED));
                status.setRollbackOnly();
            });
            notices.send(new Notice(team.clinic(), team.patient(), null, Kind.CHANGED)); // a marker, sent at once
            assertThat(receive(other, 1)).singleElement().asString().contains("\"kind\":\"CHANGED\"");
        }
    }

    @Test
    void payloads_in_another_format_are_not_notices() {
        assertThat(Notice.parse("{\"clinicId\":1,\"patientId\":2,\"flagId\":3,\"kind\":\"RAISED\"}")).isPresent();
        assertThat(Notice.parse("{\"clinicId\":1,\"patientId\":2,\"flagId\":3,\"kind\":\"EXPLODED\"}")).isEmpty();
        assertThat(Notice.parse("hello")).isEmpty();
        assertThat(Notice.parse(null)).isEmpty();
    }

    private static Connection listener() throws Exception {
        Connection c = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + FlagNotices.CHANNEL);
        }
        return c;
    }

    /** Waits (bounded) for this many notices of the channel. */
    private static List<String> receive(Connection c, int count) throws Exception {
        List<String> payloads = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (payloads.size() < count && System.currentTimeMillis() < deadline) {
            PGNotification[] ns = c.unwrap(PGConnection.class).getNotifications(1000);
            if (ns != null) {
                for (PGNotification n : ns) {
                    payloads.add(n.getParameter());
                }
            }
        }
        return payloads;
    }
}
