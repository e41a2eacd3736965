package com.walkrx.report;

import com.walkrx.base.ui.ClinicLocales;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.base.time.ClinicZones;
import com.walkrx.outcome.OutcomeService;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports of a patient's episode (API.md "Exports") and of a caseload. Each method checks the care
 * relationship and audits the export (EXPORTED, or ACCESS_DENIED and not found) before it returns; the returned
 * body then reads one consistent snapshot (a read-only repeatable-read transaction) and streams it.
 */
@Service
public class ExportService {

    private final PatientAccess access;
    private final AuditService audit;
    private final EpisodeReader reader;
    private final CaseloadCsv caseloadCsv;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final OutcomeService outcomes;
    private final Clock clock;
    private final ClinicLocales locales;
    private final ClinicZones zones;

    ExportService(PatientAccess access, AuditService audit, EpisodeReader reader, CaseloadCsv caseloadCsv,
                  OutcomeService outcomes, JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock,
                  ClinicLocales locales, ClinicZones zones) {
        this.locales = locales;
        this.zones = zones;
        this.outcomes = outcomes;
        this.access = access;
        this.audit = audit;
        this.reader = reader;
        this.caseloadCsv = caseloadCsv;
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(txManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The PDF progress report for the GP or referrer (care team only). */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Export progressReport(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.EXPORTED, "report.pdf");
        String preparedBy = displayName(caller);
        return new Export(fileName(caller, patientId, "progress-report", "pdf"), Export.PDF,
                out -> inSnapshot(() -> ProgressReportPdf.render(facts(caller, patientId, preparedBy), out)));
    }

    /** The check-ins with their walks as CSV, one row per walk (care team only). */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Export checkInsCsv(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.EXPORTED, "check-ins.csv");
        return new Export(fileName(caller, patientId, "check-ins", "csv"), Export.CSV,
                out -> inSnapshot(() -> CheckInCsv.write(patientId, zones.zone(caller.clinicId()), out,
                        sink -> reader.checkIns(patientId, sink))));
    }

    /** The episode as a FHIR R4 Bundle of type collection (care team only). */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Export fhirBundle(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.EXPORTED, "fhir");
        return new Export(fileName(caller, patientId, "fhir-bundle", "json"), Export.FHIR_JSON, out -> inSnapshot(() -> {
            Episode episode = reader.episode(patientId);
            PainCourse pain = PainCourse.of(episode.therapyStart(), reader.dailyPain(patientId));
            FhirEpisode resources = new FhirEpisode(episode, pain);
            try (FhirBundleWriter bundle = new FhirBundleWriter(out, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))) {
                resources.resources().forEach(bundle::add);
                outcomes.outcomesForExport(caller, patientId).forEach(o -> bundle.add(FhirOutcomes.response(episode, resources.patientId(), o)));
                reader.checkIns(patientId, new FhirObservations(episode.clinicId(), resources.patientId(), bundle.sink()));
            }
        }));
    }

    /** The caller's caseload as CSV: an admin's whole clinic, a clinician's care teams. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    public Export caseloadCsv(Caller caller) {
        LocalDate today = today(caller);
        return new Export("caseload-" + today + ".csv", Export.CSV, out -> {
            List<Long> exported = new java.util.ArrayList<>();
            try {
                // The CSV printer closes what it writes to: the response stays open until the audit entry is in.
                inSnapshot(() -> caseloadCsv.write(caller, today, new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }, exported::add));
            } finally {
                // After the rows were written, naming every patient exported (issue 15); a cut-off export names
                // the rows that went out.
                audit.recordShown(caller, AuditAction.EXPORTED, exported, "caseload.csv");
            }
        });
    }

    private ReportFacts facts(Caller caller, long patientId, String preparedBy) {
        ZoneId zone = zones.zone(caller.clinicId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Episode episode = reader.episode(patientId);
        var daily = reader.dailyPain(patientId);
        PainCourse pain = PainCourse.of(episode.therapyStart(), daily);
        PlanInfo plan = episode.plan();
        PhaseInfo current = plan == null || !plan.live() ? null : plan.current();
        Double adherence7d = null;
        Double adherencePhase = null;
        LocalDate phaseFrom = null;
        if (current != null && (plan.status().equals("ACTIVE") || plan.status().equals("PAUSED"))) {
            LocalDate activated = plan.activatedOn() != null ? plan.activatedOn() : plan.startDate();
            adherence7d = reader.adherence(patientId, current, max(today.minusDays(7), activated), today);
            phaseFrom = max(plan.phaseStartedOn() != null ? plan.phaseStartedOn() : plan.startDate(), activated);
            adherencePhase = reader.adherence(patientId, current, phaseFrom, today);
        }
        return new ReportFacts(episode, pain, daily, reader.totals(patientId), adherence7d, adherencePhase, phaseFrom,
                today, zone, preparedBy, outcomes.outcomesForExport(caller, patientId),
                locales.locale(caller.clinicId()));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String displayName(Caller caller) {
        return jdbc.sql("select display_name from app_user where id = :id").param("id", caller.userId())
                .query(String.class).optional().orElse(caller.username());
    }

    private String fileName(Caller caller, long patientId, String what, String extension) {
        return String.format(Locale.ROOT, "patient-%d-%s-%s.%s", patientId, what, today(caller), extension);
    }

    /** "Today" in the clinic's own time zone, as everywhere else in the product. */
    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(zones.zone(caller.clinicId())));
    }

    private interface Work {
        void run() throws IOException;
    }

    private void inSnapshot(Work work) throws IOException {
        try {
            snapshot.executeWithoutResult(status -> {
                try {
                    work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
