package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;
import static com.walkrx.report.FhirCodes.uuid;

import com.walkrx.outcome.OutcomeResponse;
import com.walkrx.outcome.OutcomeResponse.ItemAnswer;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;

/**
 * An outcome measure response (PEG, PSFS, GROC) as a QuestionnaireResponse: one item per answer as given, then the
 * score and, for PEG and PSFS, the plan's baseline and the change. The questionnaire is named by a WalkRx canonical
 * URL; WalkRx publishes no Questionnaire resource.
 */
final class FhirOutcomes {

    private FhirOutcomes() {
    }

    static QuestionnaireResponse response(Episode episode, String patientUuid, OutcomeResponse o) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(uuid(episode.clinicId(), "questionnaire-response", o.id()));
        qr.setQuestionnaire(FhirCodes.INSTRUMENT + ":" + o.instrument().name());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(ref(patientUuid));
        qr.setAuthor(ref(patientUuid));
        qr.setSource(ref(patientUuid));
        qr.setAuthoredElement(new DateTimeType(o.date().toString()));
        qr.addBasedOn(ref(uuid(episode.clinicId(), "plan", o.planId())));
        for (ItemAnswer a : o.answers()) {
            qr.addItem().setLinkId(a.key()).setText(a.label()).addAnswer().setValue(new IntegerType(a.value()));
        }
        qr.addItem().setLinkId("score").setText(o.instrument().label() + " score")
                .addAnswer().setValue(new DecimalType(o.score()));
        if (o.baseline() != null) {
            qr.addItem().setLinkId("baseline").setText("Baseline score of the plan")
                    .addAnswer().setValue(new DecimalType(o.baseline()));
        }
        if (o.change() != null) {
            qr.addItem().setLinkId("change").setText("Change from the baseline")
                    .addAnswer().setValue(new DecimalType(o.change()));
        }
        qr.addItem().setLinkId("important-improvement").setText("Clinically important improvement")
                .addAnswer().setValue(new org.hl7.fhir.r4.model.BooleanType(o.importantImprovement()));
        qr.addItem().setLinkId("occasion").setText("Occasion").addAnswer().setValue(new StringType(o.occasion().label()));
        return qr;
    }
}
