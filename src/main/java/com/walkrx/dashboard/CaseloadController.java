package com.walkrx.dashboard;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.PageParams;
import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/patients: the caller's caseload, the same rows as the caseload grid. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseloadController {

    private final CaseloadService caseload;

    /** A patient in the caseload, as API.md names the fields, plus the dashboard's numbers. */
    record Item(long id, String givenName, String familyName, String condition, String acuity, int openFlagCount,
                OpenTier highestOpenTier, Instant oldestOpenFlagAt, OpenFlags openFlags, LocalDate lastCheckInDate,
                Integer daysSinceLastCheckIn, Double adherence7d, String planStatus, Integer planPhase,
                Integer latestPain, LocalDate latestPainDate, Double baselinePain, Double painChange,
                boolean clinicallyImportantImprovement, List<Integer> pain28d, int overdueQuestionnaires,
                String importantImprovementOn) {
    }

    /** Open flags by tier. */
    record OpenFlags(int urgent, int high, int advisory) {
    }

    @GetMapping("/api/v1/patients")
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    PageResponse<Item> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size,
                            @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "false") boolean openFlags,
                            @RequestParam(defaultValue = "false") boolean noRecentCheckIn,
                            @RequestParam(required = false) Integer phase,
                            @RequestParam(required = false) String sort) {
        PageParams.check(page, size);
        CaseloadFilter filter = new CaseloadFilter(q, openFlags, noRecentCheckIn, phase, parseSort(sort),
                sort != null && sort.startsWith("-"));
        CaseloadPage result = caseload.page(caller, filter, PageParams.offset(page, size), size);
        return new PageResponse<>(result.items().stream().map(CaseloadController::item).toList(), page, size,
                result.total());
    }

    private static CaseloadSort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return CaseloadSort.TRIAGE;
        }
        String key = sort.startsWith("-") ? sort.substring(1) : sort;
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "triage" -> CaseloadSort.TRIAGE;
            case "name" -> CaseloadSort.NAME;
            case "adherence7d" -> CaseloadSort.ADHERENCE;
            case "lastcheckindate" -> CaseloadSort.LAST_CHECK_IN;
            case "outcomes" -> CaseloadSort.OUTCOMES;
            default -> throw new InvalidInputException(List.of(new FieldProblem("sort",
                    "must be one of triage, name, adherence7d, lastCheckInDate, outcomes (prefix - for descending)")));
        };
    }

    static Item item(CaseloadRow r) {
        PainChange c = r.painChange();
        return new Item(r.id(), r.givenName(), r.familyName(), r.condition().name(), r.acuity().name(),
                r.openFlagCount(), r.highestOpenTier(), r.oldestOpenFlagAt(),
                new OpenFlags(r.urgentFlags(), r.highFlags(), r.advisoryFlags()), r.lastCheckInDate(),
                r.daysSinceLastCheckIn(), r.adherence7d(), r.planStatus(), r.phase(), r.latestPain(),
                r.latestPainDate(), c == null ? null : round1(c.baseline()), c == null ? null : round1(c.change()),
                c != null && c.clinicallyImportant(), r.pain28d(), r.overdueQuestionnaires(), r.improvedOn());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
