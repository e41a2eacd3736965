package com.walkrx.report;

import com.walkrx.flag.FlagAction;
import com.walkrx.report.Episode.FlagInfo;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanInfo;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words the exports put to an episode's records (a flag's resolution, tier, outcome and action; a plan's
 * template, status and phase status; dates and shares), one place for the progress report and the FHIR bundle.
 */
final class ReportWords {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private ReportWords() {
    }

    /** How a flag stands or was resolved, in words: "Referred: to the GP for a review". */
    static String resolution(FlagInfo f) {
        if (f.resolvedAt() != null) {
            if (f.resolvedBySystem()) {
                return "Resolved automatically: the condition no longer holds"
                        + (blank(f.resolveNote()) ? "" : " (" + f.resolveNote() + ")");
            }
            return (f.outcome() == null ? "Resolved" : outcomeLabel(f.outcome()))
                    + (f.action() == null ? "" : ", " + actionLabel(f.action()).toLowerCase(Locale.UK))
                    + (blank(f.resolveNote()) ? "" : ": " + f.resolveNote());
        }
        if (f.acknowledgedAt() != null) {
            return "Acknowledged, not yet resolved" + (blank(f.acknowledgeNote()) ? "" : ": " + f.acknowledgeNote());
        }
        return "Open: not yet reviewed";
    }

    static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "REFERRED" -> "Referred";
            case "SEEN_BY_DOCTOR" -> "Seen by a doctor";
            case "NO_ACTION_NEEDED" -> "No action needed";
            default -> "Other";
        };
    }

    static String actionLabel(String action) {
        return Arrays.stream(FlagAction.values()).filter(a -> a.name().equals(action)).findFirst()
                .map(FlagAction::label).orElse(action);
    }

    static String tierLabel(String tier) {
        return switch (tier) {
            case "URGENT" -> "Urgent";
            case "HIGH" -> "High";
            default -> "Advisory";
        };
    }

    static String templateLabel(String template) {
        return switch (template) {
            case "ACUTE" -> "Acute (cautious)";
            case "POST_SURGERY" -> "Post-surgery";
            default -> "Standard";
        };
    }

    static String statusLabel(PlanInfo plan) {
        return switch (plan.status()) {
            case "ACTIVE" -> "active";
            case "PAUSED" -> "paused" + (blank(plan.pauseReason()) ? "" : " (" + plan.pauseReason() + ")");
            case "DRAFT" -> "draft, not yet active";
            default -> "ended" + (plan.endedOn() != null ? " " + date(plan.endedOn()) : "");
        };
    }

    static String phaseStatus(PlanInfo plan, PhaseInfo ph) {
        if (ph.number() < plan.currentPhase()) {
            return "Done";
        }
        if (ph.number() > plan.currentPhase()) {
            return plan.live() ? "To come" : "Not reached";
        }
        return plan.live() ? "Current" : "Last phase";
    }

    static String date(LocalDate date) {
        return date == null ? "-" : DAY.format(date);
    }

    static String percent(Double share) {
        return share == null ? "-" : Math.round(share * 100) + "%";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
