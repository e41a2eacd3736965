package com.walkrx.outcome;

import com.walkrx.base.security.Caller;
import java.net.URI;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outcome-measure endpoints of API.md ("Outcome measures"). */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutcomeController {

    private final OutcomeService outcomes;

    /** {@code {"items": [...]}}: the lists are short (at most one open questionnaire per instrument). */
    record Items<T>(List<T> items) {
    }

    @GetMapping("/me/questionnaires")
    @PreAuthorize("hasRole('PATIENT')")
    Items<DueQuestionnaire> due(Caller caller) {
        return new Items<>(outcomes.due(caller));
    }

    @PostMapping("/me/questionnaires/{id}/response")
    @PreAuthorize("hasRole('PATIENT')")
    ResponseEntity<ResponseReply> respond(Caller caller, @PathVariable long id, @RequestBody ResponseRequest body) {
        ResponseReply reply = outcomes.respond(caller, id, body);
        return ResponseEntity.created(URI.create("/api/v1/me/questionnaires/" + id + "/response")).body(reply);
    }

    @GetMapping("/patients/{id}/outcomes")
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    Items<OutcomeResponse> ofPatient(Caller caller, @PathVariable long id) {
        return new Items<>(outcomes.outcomes(caller, id));
    }
}
