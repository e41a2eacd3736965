package com.walkrx.flag;

import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The flags part of the JSON API (API.md): the open-flag inbox, a patient's flags, acknowledge and resolve. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagController {

    private final FlagService flags;

    record AcknowledgeRequest(String note) {
    }

    record ResolveRequest(Outcome outcome, FlagAction action, String note) {
    }

    @GetMapping("/flags")
    PageResponse<FlagView> list(Caller caller, @RequestParam(required = false) FlagStatus status,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return flags.list(caller, status, page, size);
    }

    @GetMapping("/flags/{id}")
    FlagView get(Caller caller, @PathVariable long id) {
        return flags.get(caller, id);
    }

    @GetMapping("/patients/{id}/flags")
    PageResponse<FlagView> ofPatient(Caller caller, @PathVariable long id,
                                     @RequestParam(required = false) FlagStatus status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return flags.ofPatient(caller, id, status, page, size);
    }

    @PostMapping("/flags/{id}/acknowledge")
    FlagView acknowledge(Caller caller, @PathVariable long id,
                         @RequestBody(required = false) AcknowledgeRequest request) {
        return flags.acknowledge(caller, id, request == null ? null : request.note());
    }

    @PostMapping("/flags/{id}/resolve")
    FlagView resolve(Caller caller, @PathVariable long id, @RequestBody ResolveRequest request) {
        return flags.resolve(caller, id, request.outcome(), request.action(), request.note());
    }
}
