package com.walkrx.clinic.ui;

import com.walkrx.base.api.ConflictException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.walkrx.base.ui.Toasts;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.Role;
import com.walkrx.base.ui.LoginView;
import com.walkrx.clinic.IssuedCode;
import com.walkrx.clinic.MfaService;
import com.walkrx.clinic.StaffService;
import com.walkrx.clinic.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import com.walkrx.base.ui.Dates;

/**
 * The clinic admin's staff page: clinicians and admins, inviting new ones with a one-time setup code,
 * deactivating and reactivating accounts, and one-time password reset codes.
 */
@Route("admin/staff")
@PageTitle("Staff | WalkRx")
@Menu(order = 90, title = "Staff", icon = "vaadin:user-card")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class StaffView extends VerticalLayout {


    private final StaffService staff;
    private final MfaService mfa;
    private final Caller caller;
    private final ZoneId zone;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);

    StaffView(StaffService staff, MfaService mfa, CurrentUser currentUser, java.time.Clock clock) {
        this.staff = staff;
        this.mfa = mfa;
        this.caller = currentUser.require();
        this.zone = clock.getZone();
        addClassNames("staff-view", "admin-page");
        setSizeFull();

        Button invite = new Button("Invite staff member", VaadinIcon.PLUS.create(), e -> openInvite());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.addClassName("invite-button");

        grid.addColumn(UserSummary::displayName).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(UserSummary::username).setHeader("Username").setKey("username").setFlexGrow(1)
                .setTooltipGenerator(UserSummary::username);
        grid.addColumn(u -> u.email() == null ? "No e-mail" : u.email()).setHeader("E-mail").setKey("email")
                .setFlexGrow(2);
        grid.addColumn(u -> u.role() == Role.ADMIN ? "Clinic admin" : "Clinician").setHeader("Role").setKey("role");
        grid.addComponentColumn(StaffView::status).setHeader("Status").setKey("status");
        // Two rows of buttons where needed: every action stays in view without scrolling the grid sideways.
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setWidth("300px")
                .setFlexGrow(0);
        // A row is its user, whatever else about it changes (a deactivated account is the same row).
        grid.setItems(query -> staff.staff(caller, query.getOffset(), query.getLimit()).stream())
                .setIdentifierProvider(UserSummary::id);
        grid.setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2("Staff"), invite);
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));
        Paragraph hint = new Paragraph("New staff and password resets get a one-time code, shown once. They enter it "
                + "with a new password on the \"Have a setup or reset code?\" page of the login screen.");
        hint.addClassName("hint");
        add(header, hint, grid);
        setFlexGrow(1, grid);
    }

    private static Span status(UserSummary u) {
        Span s = new Span(u.enabled() ? "Active" : "Deactivated");
        if (!u.enabled()) {
            s.addClassName("status-inactive");
        }
        return s;
    }

    private HorizontalLayout actions(UserSummary u) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        actions.setWrap(true);
        if (u.id() == caller.userId()) {
            actions.add(new Span("You"));
            return actions;
        }
        // The row's identity is captured now: the dialog acts on this person whatever the grid shows by then.
        long userId = u.id();
        String name = u.displayName();
        Button reset = new Button("Reset password", e -> confirmReset(userId, name));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reset.addClassName("reset-button");
        Button toggle;
        if (u.enabled()) {
            toggle = new Button("Deactivate", e -> confirmDeactivate(u));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            toggle.addClassName("deactivate-button");
        } else {
            toggle = new Button("Reactivate", e -> {
                staff.reactivate(caller, u.id());
                notify(u.displayName() + " can log in again.");
                grid.getDataProvider().refreshAll();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            toggle.addClassName("reactivate-button");
        }
        Button email = new Button("E-mail", e -> new StaffEmailDialog(staff, caller, u, saved -> {
            notify(saved.email() == null ? saved.displayName() + " gets no escalation e-mails."
                    : "Escalations for " + saved.displayName() + " go to " + saved.email() + ".");
            grid.getDataProvider().refreshAll();
        }).open());
        email.addThemeVariants(ButtonVariant.LUMO_SMALL);
        email.addClassName("email-button");
        actions.add(reset, resetSecondFactor(u), toggle);
        actions.addComponentAsFirst(email);
        return actions;
    }

    private void confirmReset(long userId, String name) {
        ConfirmDialog confirm = new ConfirmDialog("Issue a password reset code for " + name + "?",
                "A one-time code is shown next, once. With it " + name + " chooses a new password and is then "
                        + "logged out everywhere; earlier codes stop working. Their current password works until then.",
                "Issue code", e -> {
                    IssuedCode code = staff.issueResetCode(caller, userId);
                    showCode("Password reset code for " + code.displayName(), code);
                    grid.getDataProvider().refreshAll();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("primary");
        confirm.addClassName("confirm-reset-password");
        confirm.open();
    }

    /** A lost phone: the staff member sets up an authenticator app again at their next login (audited). */
    private Button resetSecondFactor(UserSummary u) {
        long userId = u.id();
        String name = u.displayName();
        Button button = new Button("Reset authenticator", e -> confirmDanger("confirm-reset-factor",
                "Reset the authenticator app of " + name + "?",
                "Their app and recovery codes stop working and they are logged out everywhere. "
                        + "If the clinic requires a second step, they set up an app again at their next login.",
                "Reset", () -> {
                    mfa.reset(caller, userId);
                    notify("The authenticator app of " + name + " is reset.");
                }));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName("reset-factor-button");
        return button;
    }

    private void confirmDeactivate(UserSummary u) {
        long userId = u.id();
        String name = u.displayName();
        confirmDanger("confirm-deactivate", "Deactivate " + name + "?",
                "They are logged out at once and can no longer log in or use the API. "
                        + "Their records and history stay. You can reactivate the account later.",
                "Deactivate", () -> {
                    try {
                        staff.deactivate(caller, userId);
                    } catch (ConflictException refused) {
                        Toasts.show(refused.getMessage(), 10000, NotificationVariant.LUMO_ERROR)
                                .addClassName("deactivate-refused");
                        return;
                    }
                    notify(name + " is deactivated and logged out.");
                    grid.getDataProvider().refreshAll();
                });
    }

    /** A confirmation for an action that locks someone out: Cancel is the default, the action is red. */
    private static void confirmDanger(String className, String header, String text, String confirmLabel,
                                      Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog(header, text, confirmLabel, e -> action.run());
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addClassName(className);
        confirm.open();
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a staff member");
        TextField displayName = new TextField("Full name");
        displayName.setRequired(true);
        TextField username = new TextField("Username");
        username.setRequired(true);
        username.setHelperText("3-50 letters, digits, dots, dashes or underscores");
        RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
        role.setItems(Role.CLINICIAN, Role.ADMIN);
        role.setItemLabelGenerator(r -> r == Role.ADMIN ? "Clinic admin" : "Clinician");
        role.setValue(Role.CLINICIAN);
        var email = StaffEmailDialog.field();
        FormLayout form = new FormLayout(displayName, username, email, role);
        form.addClassName("invite-form");
        dialog.add(form);
        Button create = new Button("Create and show setup code", e -> {
            displayName.setInvalid(false);
            username.setInvalid(false);
            email.setInvalid(false);
            try {
                IssuedCode code = staff.invite(caller, username.getValue(), displayName.getValue(), role.getValue(),
                        email.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                showCode("Setup code for " + code.displayName(), code);
            } catch (InvalidInputException ex) {
                for (FieldProblem p : ex.problems()) {
                    if ("email".equals(p.field())) {
                        email.setErrorMessage("E-mail " + p.message());
                        email.setInvalid(true);
                        continue;
                    }
                    TextField field = "username".equals(p.field()) ? username : displayName;
                    field.setErrorMessage(field.getLabel() + " " + p.message());
                    field.setInvalid(true);
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("create-staff");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        displayName.focus();
    }

    private void showCode(String title, IssuedCode code) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.addClassName("code-dialog");
        Div value = new Div(code.code());
        value.addClassName("one-time-code");
        dialog.add(
                new Paragraph("Give this code to " + code.displayName() + " (username " + code.username()
                        + ") in person or by phone. It works once, until "
                        + Dates.dateTime(code.expiresAt(), zone) + "."),
                value,
                new Paragraph("They open the login page, choose \"Have a setup or reset code?\" (/"
                        + LoginView.PASSWORD_RESET_ROUTE + "), and enter the code with a new password of at least 12 "
                        + "characters. This code is shown only now and cannot be displayed again."));
        Button done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private static void notify(String text) {
        Toasts.show(text, 4000, NotificationVariant.LUMO_SUCCESS);
    }
}
