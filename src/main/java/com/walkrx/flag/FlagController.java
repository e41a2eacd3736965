package com.walkrx.flag;

import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.CurrentUser;
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
class FlagController {

    private final FlagService flags;
    private final CurrentUser currentUser;

    FlagController(FlagService flags, CurrentUser currentUser) {
        this.flags = flags;
        this.currentUser = currentUser;
    }

    record AcknowledgeRequest(String note) {
    }

    record ResolveRequest(Outcome outcome, FlagAction action, String note) {
    }

    @GetMapping("/flags")
    PageResponse<FlagView> list(@RequestParam(required = false) FlagStatus status,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return flags.list(currentUser.require(), status, page, size);
    }

    @GetMapping("/flags/{id}")
    FlagView get(@PathVariable long id) {
        return flags.get(currentUser.require(), id);
    }

    @GetMapping("/patients/{id}/flags")
    PageResponse<FlagView> ofPatient(@PathVariable long id, @RequestParam(required = false) FlagStatus status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return flags.ofPatient(currentUser.require(), id, status, page, size);
    }

    @PostMapping("/flags/{id}/acknowledge")
    FlagView acknowledge(@PathVariable long id, @RequestBody(required = false) AcknowledgeRequest request) {
        return flags.acknowledge(currentUser.require(), id, request == null ? null : request.note());
    }

    @PostMapping("/flags/{id}/resolve")
    FlagView resolve(@PathVariable long id, @RequestBody ResolveRequest request) {
        return flags.resolve(currentUser.require(), id, request.outcome(), request.action(), request.note());
    }
}
