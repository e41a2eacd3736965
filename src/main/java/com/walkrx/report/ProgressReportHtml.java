package com.walkrx.report;

import static com.walkrx.report.ReportWords.blank;
import static com.walkrx.report.ReportWords.date;
import static com.walkrx.report.ReportWords.percent;
import static com.walkrx.report.ReportWords.phaseStatus;
import static com.walkrx.report.ReportWords.resolution;
import static com.walkrx.report.ReportWords.statusLabel;
import static com.walkrx.report.ReportWords.templateLabel;
import static com.walkrx.report.ReportWords.tierLabel;

import com.walkrx.outcome.OutcomeResponse;
import com.walkrx.patient.Acuity;
import com.walkrx.report.Episode.FlagInfo;
import com.walkrx.report.Episode.PatientInfo;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanChangeItem;
import com.walkrx.report.Episode.PlanInfo;
import java.time.Instant;
import java.time.Period;
import com.walkrx.base.ui.Dates;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The progress report as XHTML for openhtmltopdf (styles in report/progress-report.css). Every text that comes
 * from a record is escaped; the pain chart is an {@code <object>} drawn by {@link PainChartDrawer}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ProgressReportHtml {

    /** How many plan changes the report lists: the latest ones. */
    static final int CHANGES_SHOWN = 8;

    private final ReportFacts facts;
    private final StringBuilder html = new StringBuilder(16_384);

    static String render(ReportFacts facts, String css) {
        return new ProgressReportHtml(facts).build(css);
    }

    private String build(String css) {
        PatientInfo p = facts.episode().patient();
        html.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc("Walking therapy progress report: " + p.fullName())).append("</title><style>")
                .append(css).append("</style></head><body>");
        html.append("<div class=\"footer\">").append(esc("WalkRx progress report for " + p.fullName() + ", born "
                + date(p.dateOfBirth()) + ". Prepared " + date(facts.today()) + " by " + facts.preparedBy() + "."))
                .append(" Page <span class=\"page\"></span> of <span class=\"pages\"></span></div>");
        header(p);
        summary();
        painSection();
        walkingSection();
        planSection();
        flagSection();
        outcomeSection();
        html.append("<p class=\"method\">").append(esc("How to read this report: pain is the patient's own daily "
                + "rating of their back pain from 0 (none) to 10 (worst imaginable). The baseline is the mean of the "
                + "first 7 days with a score from the start of therapy; the latest value is the mean of the latest "
                + "7 days with a score. A fall of 2 points or 30% of the baseline is the minimal clinically important "
                + "change (Ostelo 2008). Adherence is walked minutes against prescribed minutes, each day capped at "
                + "100%.")).append("</p>");
        html.append("</body></html>");
        return html.toString();
    }

    private void header(PatientInfo p) {
        html.append("<div class=\"letterhead\"><span class=\"brand\">WalkRx</span><span class=\"clinic\">")
                .append(esc(facts.episode().clinicName())).append("</span></div>");
        html.append("<h1>Walking therapy progress report</h1>");
        html.append("<table class=\"facts\"><tr>");
        fact("Patient", p.fullName());
        fact("Born", date(p.dateOfBirth()) + " (age " + Period.between(p.dateOfBirth(), facts.today()).getYears() + ")");
        fact("Report date", date(facts.today()));
        html.append("</tr><tr>");
        fact("Condition", p.condition().label());
        fact("Episode", (p.acuity() == Acuity.ACUTE ? "Acute" : "Chronic")
                + (p.onsetDate() != null ? ", onset " + date(p.onsetDate()) : ""));
        fact("Therapy since", facts.episode().therapyStart() == null ? "Not started" : date(facts.episode().therapyStart()));
        html.append("</tr><tr>");
        fact("Surgery", p.surgeryDate() == null ? "None recorded" : date(p.surgeryDate())
                + (p.clearanceDate() == null ? ", no surgeon's clearance recorded" : ", cleared " + date(p.clearanceDate())
                + (blank(p.clearanceLimits()) ? "" : " (" + p.clearanceLimits() + ")")));
        fact("Care team", facts.episode().careTeam().isEmpty() ? "-"
                : String.join(", ", facts.episode().careTeam().stream().map(Episode.Clinician::displayName).toList()));
        fact("Prepared by", facts.preparedBy());
        html.append("</tr></table>");
    }

    private void fact(String label, String value) {
        html.append("<td><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(esc(value)).append("</div></td>");
    }

    private void summary() {
        html.append("<div class=\"summary\"><h2>Summary</h2><p class=\"pain-sentence\">")
                .append(esc(facts.pain().sentence())).append("</p><p>").append(esc(walkingSentence()))
                .append("</p><p>").append(esc(flagSentence())).append("</p></div>");
    }

    String walkingSentence() {
        var t = facts.totals();
        if (t.walks() == 0) {
            return "No walks recorded yet.";
        }
        StringBuilder s = new StringBuilder("Walked " + String.format(Locale.UK, "%,d", t.walks())
                + (t.walks() == 1 ? " time" : " times") + " for " + String.format(Locale.UK, "%,d", t.minutes())
                + " minutes in all, with check-ins on " + t.checkInDays() + " days");
        if (facts.adherence7d() != null) {
            s.append("; adherence ").append(percent(facts.adherence7d())).append(" over the last 7 days");
        }
        return s.append('.').toString();
    }

    String flagSentence() {
        List<FlagInfo> flags = facts.episode().flags();
        if (flags.isEmpty()) {
            return "No see-a-doctor flags were raised.";
        }
        long open = flags.stream().filter(f -> !f.status().equals("RESOLVED")).count();
        String raised = flags.size() + (flags.size() == 1 ? " see-a-doctor flag was" : " see-a-doctor flags were")
                + " raised";
        if (open == 0) {
            return raised + (flags.size() == 1 ? " and resolved." : ", all resolved.");
        }
        return raised + "; " + open + " still " + (open == 1 ? "needs" : "need") + " review (see below).";
    }

    private void painSection() {
        html.append("<h2>Pain</h2>");
        PainCourse pain = facts.pain();
        if (facts.dailyPain().isEmpty()) {
            html.append("<p>No pain scores reported yet.</p>");
            return;
        }
        html.append("<object type=\"").append(PainChartDrawer.TYPE).append("\" class=\"chart\"></object>");
        html.append("<p class=\"caption\">").append(esc("Daily pain (dots) and its 7-day mean (line). "
                + (pain.baseline() == null ? "" : "Baseline " + PainCourse.one(pain.baseline())
                + " (dashed); the shaded band reaches down to " + PainCourse.one(pain.importantThreshold())
                + ": below it the fall is clinically important (2 points or 30%)."))).append("</p>");
    }

    private void walkingSection() {
        var t = facts.totals();
        html.append("<h2>Walking and adherence</h2><table class=\"grid\"><tr><th>Last 7 days</th><th>")
                .append(esc(facts.phaseFrom() == null ? "Current phase" : "Current phase, since " + date(facts.phaseFrom())))
                .append("</th><th>Walks</th><th>Minutes walked</th><th>Days with a check-in</th></tr><tr><td>")
                .append(esc(percent(facts.adherence7d()))).append("</td><td>").append(esc(percent(facts.adherencePhase())))
                .append("</td><td>").append(String.format(Locale.UK, "%,d", t.walks())).append("</td><td>")
                .append(String.format(Locale.UK, "%,d", t.minutes())).append("</td><td>")
                .append(t.checkInDays());
        if (t.firstCheckIn() != null) {
            long span = java.time.temporal.ChronoUnit.DAYS.between(t.firstCheckIn(), facts.today()) + 1;
            html.append(" of ").append(span);
        }
        html.append("</td></tr></table>");
    }

    private void planSection() {
        html.append("<h2>Plan and phases</h2>");
        PlanInfo plan = facts.episode().plan();
        if (plan == null) {
            html.append("<p>No walking plan has been assigned.</p>");
            return;
        }
        html.append("<p>").append(esc(templateLabel(plan.template()) + " plan from " + date(plan.startDate()) + ": "
                + statusLabel(plan) + ", phase " + plan.currentPhase() + " of " + plan.phases().size()
                + (plan.phaseStartedOn() != null ? " since " + date(plan.phaseStartedOn()) : "") + ".")).append("</p>");
        html.append("<table class=\"grid\"><tr><th>Phase</th><th>Prescription</th><th>Length</th><th>Status</th></tr>");
        for (PhaseInfo ph : plan.phases()) {
            html.append("<tr").append(ph.number() == plan.currentPhase() ? " class=\"current\"" : "").append("><td>")
                    .append(ph.number()).append("</td><td>").append(esc(ph.summary()
                            + (ph.stepTarget() != null ? ", " + ph.stepTarget() + " steps a day" : "")))
                    .append("</td><td>").append(esc("at least " + ph.minDays() + " days")).append("</td><td>")
                    .append(esc(phaseStatus(plan, ph))).append("</td></tr>");
        }
        html.append("</table>");
        List<PlanChangeItem> changes = facts.episode().changes();
        if (!changes.isEmpty()) {
            List<PlanChangeItem> shown = changes.subList(Math.max(0, changes.size() - CHANGES_SHOWN), changes.size());
            html.append("<h3>").append(esc(changes.size() > shown.size() ? "Plan history (latest " + shown.size()
                    + " of " + changes.size() + " changes)" : "Plan history")).append("</h3><table class=\"grid history\">");
            for (PlanChangeItem c : shown) {
                html.append("<tr><td class=\"date\">").append(esc(day(c.at()))).append("</td><td>").append(esc(Dates.inText(c.summary(), facts.locale())))
                        .append("</td><td class=\"by\">").append(esc(c.by())).append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    private void flagSection() {
        html.append("<h2>See-a-doctor flags</h2>");
        List<FlagInfo> flags = facts.episode().flags();
        if (flags.isEmpty()) {
            html.append("<p>None raised.</p>");
            return;
        }
        html.append("<table class=\"grid flags\"><tr><th>Raised</th><th>Flag</th><th>Tier</th><th>How it was resolved</th></tr>");
        for (FlagInfo f : flags) {
            html.append("<tr><td class=\"date\">").append(esc(day(f.raisedAt()))).append("</td><td>").append(esc(f.label()))
                    .append("</td><td class=\"tier ").append(f.tier().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(tierLabel(f.tier()))).append("</td><td>").append(esc(Dates.inText(resolution(f), facts.locale()) + byLine(f)))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** The patient's outcome measures (PEG, PSFS, GROC), oldest first, when there are any. */
    private void outcomeSection() {
        List<OutcomeResponse> outcomes = facts.outcomes();
        if (outcomes.isEmpty()) {
            return;
        }
        html.append("<h2>Outcome measures</h2><table class=\"grid\"><tr><th>Measure</th><th>Answered</th>")
                .append("<th>Score</th><th>Baseline</th><th>Change</th><th>Important improvement</th></tr>");
        for (OutcomeResponse o : outcomes) {
            html.append("<tr><td>").append(esc(o.instrument().label())).append("</td><td class=\"date\">")
                    .append(esc(date(o.date()))).append("</td><td>").append(esc(score(o))).append("</td><td>")
                    .append(esc(o.baseline() == null ? "-" : o.baseline().toPlainString())).append("</td><td>")
                    .append(esc(o.change() == null ? "-" : signed(o.change()))).append("</td><td>")
                    .append(o.importantImprovement() ? "Yes" : "-").append("</td></tr>");
        }
        html.append("</table><p class=\"caption\">").append(esc("PEG: mean of pain and its interference with "
                + "enjoyment and activity, 0-10 (lower is better). PSFS: mean ability in the patient's own activities, "
                + "0-10 (higher is better). GROC: the patient's global rating of change, -7 to +7.")).append("</p>");
    }

    private static String score(OutcomeResponse o) {
        if (o.instrument() == com.walkrx.outcome.Instrument.GROC) {
            int change = o.score().intValue();
            return (change > 0 ? "+" : "") + change + " (" + com.walkrx.outcome.Instrument.grocLabel(change) + ")";
        }
        return o.score().toPlainString();
    }

    private static String signed(java.math.BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private String byLine(FlagInfo f) {
        if (f.resolvedAt() != null) {
            String by = f.resolvedBySystem() ? "WalkRx" : f.resolvedBy();
            return " (" + day(f.resolvedAt()) + (by != null ? ", " + by : "") + ")";
        }
        if (f.acknowledgedAt() != null) {
            return " (acknowledged " + day(f.acknowledgedAt())
                    + (f.acknowledgedBy() != null ? " by " + f.acknowledgedBy() : "") + ")";
        }
        return "";
    }

    /** The day of an instant in the clinic's zone, as the clinic's screens write it (en-GB: 29/11/2026). */
    private String day(Instant at) {
        return Dates.date(at.atZone(facts.zone()).toLocalDate(), facts.locale());
    }

    /** XML-escapes text for the XHTML page and drops the control characters XML 1.0 cannot carry. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
