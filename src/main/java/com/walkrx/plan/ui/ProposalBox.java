package com.walkrx.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.walkrx.base.security.Caller;
import com.walkrx.base.ui.Dates;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.PlanView;
import com.walkrx.plan.ProposalKind;
import com.walkrx.plan.ProposalView;

/** The pending progression proposal: what it proposes and why, with Confirm and Decline for clinicians. */
class ProposalBox extends Div {

    ProposalBox(PlanService plans, Caller caller, long patientId, PlanView plan, boolean canChange, PlanAct act) {
        ProposalView p = plan.proposal();
        addClassNames("plan-proposal", "plan-proposal-" + p.kind().name().toLowerCase());
        String title = p.kind() == ProposalKind.ADVANCE
                ? getTranslation("plan.proposal.advance", p.toPhase())
                : p.toPhase() == p.fromPhase() ? getTranslation("plan.proposal.shorter", p.fromPhase())
                : getTranslation("plan.proposal.stepBack", p.toPhase());
        Span heading = new Span(title);
        heading.addClassName("plan-proposal-title");
        add(heading, new Paragraph(Dates.inText(p.reason())));
        if (canChange) {
            Button confirm = new Button(getTranslation("plan.proposal.confirm"), e -> act.run(
                    () -> plans.confirmProposal(caller, patientId, plan.version(), p.id()),
                    getTranslation("plan.proposal.confirmed")));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClassName("confirm-proposal");
            Button decline = new Button(getTranslation("plan.proposal.decline"), e -> act.run(
                    () -> plans.declineProposal(caller, patientId, plan.version(), p.id()),
                    getTranslation("plan.proposal.declined")));
            decline.addClassName("decline-proposal");
            add(new HorizontalLayout(confirm, decline));
        }
    }
}
