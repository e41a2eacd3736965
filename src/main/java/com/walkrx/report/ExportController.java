package com.walkrx.report;

import com.walkrx.base.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md "Exports": the progress report, the check-in CSV and the FHIR Bundle of one patient, and the caller's
 * caseload as CSV. Access is checked (and audited) before the first byte; the body then streams.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExportController {

    private final ExportService exports;

    @GetMapping("/api/v1/patients/{id}/report.pdf")
    @PreAuthorize("hasRole('CLINICIAN')")
    void report(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        send(exports.progressReport(caller, id), response);
    }

    @GetMapping("/api/v1/patients/{id}/check-ins.csv")
    @PreAuthorize("hasRole('CLINICIAN')")
    void checkIns(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        send(exports.checkInsCsv(caller, id), response);
    }

    @GetMapping("/api/v1/patients/{id}/fhir")
    @PreAuthorize("hasRole('CLINICIAN')")
    void fhir(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        send(exports.fhirBundle(caller, id), response);
    }

    /** The caller's caseload (admin: the clinic; clinician: their care teams), one row per patient. */
    @GetMapping("/api/v1/caseload.csv")
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    void caseload(Caller caller, HttpServletResponse response) throws IOException {
        send(exports.caseloadCsv(caller), response);
    }

    private static void send(Export export, HttpServletResponse response) throws IOException {
        response.setContentType(export.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(export.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.body().writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
