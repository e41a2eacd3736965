package com.walkrx.flag.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.flag.FlagAction;
import com.walkrx.flag.FlagView;
import com.walkrx.flag.Outcome;
import com.walkrx.base.clinical.Tier;
import java.util.function.Consumer;

/** The acknowledge and resolve dialogs: a note, and for resolving an outcome. */
final class FlagDialogs {

    static final int MAX_NOTE = 2000;

    private FlagDialogs() {
    }

    static Dialog acknowledge(FlagView flag, Consumer<String> onConfirm) {
        Dialog dialog = new Dialog();
        dialog.addClassName("acknowledge-dialog");
        dialog.setHeaderTitle("Acknowledge: " + flag.code().label());
        TextArea note = note("Note (optional)");
        Paragraph who = new Paragraph("Patient: " + flag.patientName());
        dialog.add(new VerticalLayout(who, note));
        Button confirm = new Button("Acknowledge", e -> {
            dialog.close();
            onConfirm.accept(note.getValue());
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-acknowledge");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        return dialog;
    }

    /** What the resolve dialog collects. */
    record Resolution(Outcome outcome, FlagAction action, String note) {
    }

    static Dialog resolve(FlagView flag, Consumer<Resolution> onConfirm) {
        Dialog dialog = new Dialog();
        dialog.addClassName("resolve-dialog");
        dialog.setHeaderTitle("Resolve: " + flag.code().label());
        RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>("Outcome");
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(Outcome::label);
        outcome.setRequiredIndicatorVisible(true);
        boolean serious = flag.tier() != Tier.ADVISORY;
        RadioButtonGroup<FlagAction> action = new RadioButtonGroup<>(serious ? "What was done" : "What was done (optional)");
        action.addClassName("resolve-action");
        action.setItems(FlagAction.values());
        action.setItemLabelGenerator(FlagAction::label);
        action.setRequiredIndicatorVisible(serious);
        TextArea note = note(serious ? "Note" : "Note (optional)");
        note.setRequiredIndicatorVisible(serious);
        if (serious) {
            note.setHelperText("Required for an " + flag.tier().name() + " flag: what you did and what was agreed"
                    + " (at most " + MAX_NOTE + " characters)");
        }
        Paragraph hint = new Paragraph(flag.isOpen()
                ? "Resolving an open flag acknowledges it in the same step." : "");
        dialog.add(new VerticalLayout(new Paragraph("Patient: " + flag.patientName()), outcome, action, note, hint));
        Button confirm = new Button("Resolve", e -> {
            boolean ok = true;
            if (outcome.getValue() == null) {
                outcome.setInvalid(true);
                outcome.setErrorMessage("Choose an outcome");
                ok = false;
            }
            if (serious && action.getValue() == null) {
                action.setInvalid(true);
                action.setErrorMessage("Choose what was done");
                ok = false;
            }
            if (serious && note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage("Write what was done and agreed");
                ok = false;
            }
            if (!ok) {
                return;
            }
            dialog.close();
            onConfirm.accept(new Resolution(outcome.getValue(), action.getValue(), note.getValue()));
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-resolve");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        return dialog;
    }

    private static TextArea note(String label) {
        TextArea note = new TextArea(label);
        note.setMaxLength(MAX_NOTE);
        note.setHelperText("At most " + MAX_NOTE + " characters");
        note.setWidthFull();
        note.setMinHeight("6em");
        return note;
    }
}
