package com.walkrx.flag.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.flag.FlagView;
import com.walkrx.flag.Outcome;
import java.util.function.BiConsumer;
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

    static Dialog resolve(FlagView flag, BiConsumer<Outcome, String> onConfirm) {
        Dialog dialog = new Dialog();
        dialog.addClassName("resolve-dialog");
        dialog.setHeaderTitle("Resolve: " + flag.code().label());
        RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>("Outcome");
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(Outcome::label);
        outcome.setRequiredIndicatorVisible(true);
        TextArea note = note("Note");
        Paragraph hint = new Paragraph(flag.isOpen()
                ? "Resolving an open flag acknowledges it in the same step." : "");
        dialog.add(new VerticalLayout(new Paragraph("Patient: " + flag.patientName()), outcome, note, hint));
        Button confirm = new Button("Resolve", e -> {
            if (outcome.getValue() == null) {
                outcome.setInvalid(true);
                outcome.setErrorMessage("Choose an outcome");
                return;
            }
            dialog.close();
            onConfirm.accept(outcome.getValue(), note.getValue());
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-resolve");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        return dialog;
    }

    private static TextArea note(String label) {
        TextArea note = new TextArea(label);
        note.setMaxLength(MAX_NOTE);
        note.setWidthFull();
        note.setMinHeight("6em");
        return note;
    }
}
