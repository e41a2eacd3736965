package com.walkrx.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.base.security.Caller;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.PlanView;

/** The plan panel's dialogs: pause with a reason, and the confirmation before ending a plan. */
final class PlanDialogs {

    private PlanDialogs() {
    }

    static void pause(PlanService plans, Caller caller, long patientId, PlanView plan, PlanAct act) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(t("plan.pause.title"));
        TextArea reason = new TextArea(t("plan.pause.reason"));
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.addClassName("pause-reason");
        dialog.add(reason);
        Button pause = new Button(t("plan.pause.confirm"), e -> {
            dialog.close();
            act.run(() -> plans.pause(caller, patientId, plan.version(), reason.getValue()), t("plan.pause.done"));
        });
        pause.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.addClassName("confirm-pause");
        dialog.getFooter().add(new Button(t("common.cancel"), e -> dialog.close()), pause);
        dialog.open();
    }

    static void end(PlanService plans, Caller caller, long patientId, PlanView plan, PlanAct act) {
        ConfirmDialog confirm = new ConfirmDialog(t("plan.end.title"), t("plan.end.text"), t("plan.end.confirm"),
                e -> act.run(() -> {
                    plans.end(caller, patientId, plan.version());
                    return null;
                }, t("plan.end.done")));
        confirm.setCancelable(true);
        confirm.setCancelText(t("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** The reason a clinician gives for starting without the surgeon's clearance. */
    static TextArea overrideField() {
        TextArea reason = new TextArea(t("plan.override.label"));
        reason.addClassName("override-reason");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        return reason;
    }

    private static String t(String key) {
        return I18NProvider.translate(key);
    }
}
