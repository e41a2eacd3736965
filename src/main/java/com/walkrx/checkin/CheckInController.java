package com.walkrx.checkin;

import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import java.net.URI;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The check-in endpoints of API.md. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CheckInController {

    private final CheckInService checkIns;

    @PostMapping("/check-ins")
    @PreAuthorize("hasRole('PATIENT')")
    ResponseEntity<CheckInReply> record(Caller caller, @RequestBody CheckInRequest body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CheckInReply reply = checkIns.record(caller, body.toCommand(checkIns.today()), key);
        return ResponseEntity.created(URI.create("/api/v1/check-ins/" + reply.id())).body(reply);
    }

    @GetMapping("/check-ins/{id}")
    CheckInRecord one(Caller caller, @PathVariable long id) {
        return checkIns.get(caller, id);
    }

    @GetMapping("/me/check-ins")
    @PreAuthorize("hasRole('PATIENT')")
    PageResponse<CheckInRecord> mine(Caller caller, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return checkIns.mine(caller, page, size);
    }

    @GetMapping("/patients/{id}/check-ins")
    PageResponse<CheckInRecord> ofPatient(Caller caller, @PathVariable long id,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return checkIns.forPatient(caller, id, from, to, page, size);
    }
}
