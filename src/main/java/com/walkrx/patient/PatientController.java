package com.walkrx.patient;

import com.walkrx.base.security.Caller;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PatchMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The patients part of the JSON API: enrolment, the record, surgery and clearance, new activation codes. */
@RestController
@RequestMapping("/api/v1/patients")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PatientController {

    private final PatientService patients;
    private final JsonMapper json;

    /** The text fields are strings only (a number or boolean is a 400 naming the field, not its text). */
    record EnrolRequest(@JsonDeserialize(using = StrictString.class) String givenName,
                        @JsonDeserialize(using = StrictString.class) String familyName, LocalDate dateOfBirth,
                        Condition condition, Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                        LocalDate surgeonClearanceDate,
                        @JsonDeserialize(using = StrictString.class) String surgeonClearanceLimits,
                        @JsonDeserialize(using = StrictString.class) String phone,
                        @JsonDeserialize(using = StrictString.class) String email,
                        @JsonDeserialize(using = StrictString.class) String emergencyContactName,
                        @JsonDeserialize(using = StrictString.class) String emergencyContactPhone, Long version) {
    }

    /** The patient's fields; {@code version} goes back in edits to detect concurrent changes. */
    record PatientReply(long id, String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                        Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate, LocalDate surgeonClearanceDate,
                        String surgeonClearanceLimits, boolean hasAccount, long version, String phone,
                        String email, String emergencyContactName, String emergencyContactPhone) {

        static PatientReply of(PatientRecord p) {
            return new PatientReply(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.condition(), p.acuity(),
                    p.onsetDate(), p.surgeryDate(), p.surgeonClearanceDate(), p.surgeonClearanceLimits(),
                    p.hasAccount(), p.version(), p.contact().phone(), p.contact().email(),
                    p.contact().emergencyContactName(), p.contact().emergencyContactPhone());
        }
    }

    /** The enrolled patient plus the one-time code, which no later reply ever shows again. */
    record EnrolReply(long id, String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                      Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate, LocalDate surgeonClearanceDate,
                      String surgeonClearanceLimits, boolean hasAccount, long version, String activationCode,
                      Instant activationCodeExpiresAt, String phone, String email, String emergencyContactName,
                      String emergencyContactPhone) {
    }

    record ClearanceRequest(LocalDate date, String limits, Long version) {
    }

    record SurgeryRequest(LocalDate date, Long version) {
    }

    record CodeReply(long patientId, String activationCode, Instant activationCodeExpiresAt) {
    }

    @PostMapping
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<EnrolReply> enrol(Caller caller, @RequestBody EnrolRequest body) {
        Enrolment e = patients.enrol(caller, new EnrolmentCommand(body.givenName(), body.familyName(),
                body.dateOfBirth(), body.condition(), body.acuity(), body.onsetDate(), body.surgeryDate(),
                body.surgeonClearanceDate(), body.surgeonClearanceLimits(), body.phone(), body.email(),
                body.emergencyContactName(), body.emergencyContactPhone()));
        PatientRecord p = e.patient();
        EnrolReply reply = new EnrolReply(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.condition(),
                p.acuity(), p.onsetDate(), p.surgeryDate(), p.surgeonClearanceDate(), p.surgeonClearanceLimits(),
                p.hasAccount(), p.version(), e.activationCode().code(), e.activationCode().expiresAt(),
                p.contact().phone(), p.contact().email(), p.contact().emergencyContactName(),
                p.contact().emergencyContactPhone());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + p.id())).body(reply);
    }

    @GetMapping("/{id}")
    PatientReply get(Caller caller, @PathVariable long id) {
        return PatientReply.of(patients.get(caller, id));
    }

    /**
     * Changes any enrolment fields: those present in the body (null clears an optional one), the others stay.
     * Types are as strict as at enrolment (the body is read as an {@link EnrolRequest}); {@code version}, when
     * given, must be the record's current one (409 otherwise).
     */
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CLINICIAN')")
    PatientReply edit(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        EnrolRequest r;
        try {
            r = json.treeToValue(body, EnrolRequest.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, null);
        }
        EnrolmentCommand c = EnrolmentCommand.of(patients.get(caller, id));
        EnrolmentCommand updated = new EnrolmentCommand(
                body.has("givenName") ? r.givenName() : c.givenName(),
                body.has("familyName") ? r.familyName() : c.familyName(),
                body.has("dateOfBirth") ? r.dateOfBirth() : c.dateOfBirth(),
                body.has("condition") ? r.condition() : c.condition(),
                body.has("acuity") ? r.acuity() : c.acuity(),
                body.has("onsetDate") ? r.onsetDate() : c.onsetDate(),
                body.has("surgeryDate") ? r.surgeryDate() : c.surgeryDate(),
                body.has("surgeonClearanceDate") ? r.surgeonClearanceDate() : c.surgeonClearanceDate(),
                body.has("surgeonClearanceLimits") ? r.surgeonClearanceLimits() : c.surgeonClearanceLimits(),
                body.has("phone") ? r.phone() : c.phone(),
                body.has("email") ? r.email() : c.email(),
                body.has("emergencyContactName") ? r.emergencyContactName() : c.emergencyContactName(),
                body.has("emergencyContactPhone") ? r.emergencyContactPhone() : c.emergencyContactPhone());
        return PatientReply.of(patients.edit(caller, id, updated, r.version()));
    }

    @PutMapping("/{id}/surgery-clearance")
    @PreAuthorize("hasRole('CLINICIAN')")
    PatientReply clearance(Caller caller, @PathVariable long id, @RequestBody ClearanceRequest body) {
        return PatientReply.of(patients.recordClearance(caller, id, body.date(), body.limits(),
                body.version()));
    }

    @PutMapping("/{id}/surgery")
    @PreAuthorize("hasRole('CLINICIAN')")
    PatientReply surgery(Caller caller, @PathVariable long id, @RequestBody SurgeryRequest body) {
        return PatientReply.of(patients.recordSurgery(caller, id, body.date(), body.version()));
    }

    /** A lost phone: every session and token of the patient's login ends. */
    @PostMapping("/{id}/revoke-logins")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<Void> revokeLogins(Caller caller, @PathVariable long id) {
        patients.revokeLogins(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/activation-code")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<CodeReply> newActivationCode(Caller caller, @PathVariable long id) {
        IssuedActivationCode code = patients.issueNewActivationCode(caller, id);
        return ResponseEntity.status(201).body(new CodeReply(id, code.code(), code.expiresAt()));
    }
}
