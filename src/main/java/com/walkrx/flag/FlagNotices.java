package com.walkrx.flag;

import com.walkrx.base.cluster.ClusterNotifications;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Flag changes as notices to every app instance ({@value #CHANNEL}): sent with {@code pg_notify} inside the
 * transaction that raised or changed the flag, so only committed changes are announced, to this instance too.
 * A notice carries ids only; a receiver reads what it shows from the database.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FlagNotices {

    public static final String CHANNEL = "walkrx_flags";
    private static final Pattern PAYLOAD = Pattern.compile(
            "\\{\"clinicId\":(\\d+),\"patientId\":(\\d+),\"flagId\":(\\d+|null),\"kind\":\"([A-Z_]+)\"}");

    /** What happened to the patient's flags. */
    public enum Kind {
        /** A new URGENT or HIGH flag: clinicians are alerted. */
        RAISED,
        /** New evidence on an open URGENT or HIGH flag: clinicians are alerted. */
        NEW_EVIDENCE,
        /** Some flag changed (raised, extended, acknowledged, resolved): counts and lists may differ. */
        CHANGED
    }

    /** One notice; {@code flagId} is null for {@link Kind#CHANGED}. */
    public record Notice(long clinicId, long patientId, Long flagId, Kind kind) {

        public boolean alerts() {
            return kind != Kind.CHANGED;
        }

        String payload() {
            return "{\"clinicId\":" + clinicId + ",\"patientId\":" + patientId + ",\"flagId\":" + flagId
                    + ",\"kind\":\"" + kind.name() + "\"}";
        }

        /** The notice in a payload, or empty for anything else (a newer format, a stray NOTIFY). */
        public static Optional<Notice> parse(String payload) {
            Matcher m = payload == null ? null : PAYLOAD.matcher(payload);
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Notice(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        "null".equals(m.group(3)) ? null : Long.valueOf(m.group(3)), Kind.valueOf(m.group(4))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final ClusterNotifications notifications;
    private final JdbcClient jdbc;

    /** In the publishing transaction (a plain listener): the notice commits or rolls back with the flag. */
    @EventListener
    void on(FlagRaised event) {
        send(new Notice(event.clinicId(), event.patientId(), event.flagId(),
                event.firstRaised() ? Kind.RAISED : Kind.NEW_EVIDENCE));
    }

    @EventListener
    void on(FlagsChanged event) {
        send(new Notice(event.clinicId(), event.patientId(), null, Kind.CHANGED));
    }

    void send(Notice notice) {
        notifications.send(CHANNEL, notice.payload());
    }

    /**
     * The alert an alerting notice stands for, read from the database; empty when the flag is not (or no longer)
     * the patient's. Shown only to clinicians whose care relationship the receiver has checked.
     */
    public Optional<FlagRaised> alert(Notice notice) {
        if (!notice.alerts() || notice.flagId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select f.code, p.given_name || ' ' || p.family_name as name
                        from flag f join patient p on p.id = f.patient_id
                        where f.id = :flag and f.patient_id = :patient and f.clinic_id = :clinic""")
                .param("flag", notice.flagId()).param("patient", notice.patientId())
                .param("clinic", notice.clinicId())
                .query((rs, n) -> {
                    FlagCode code = FlagCode.valueOf(rs.getString("code"));
                    return new FlagRaised(notice.clinicId(), notice.patientId(), rs.getString("name"),
                            notice.flagId(), code, code.tier(), notice.kind() == Kind.RAISED);
                })
                .optional();
    }
}
