package com.walkrx.patient.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.walkrx.base.ui.Toasts;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.RouteIds;
import com.walkrx.clinic.ClinicService;
import com.walkrx.clinic.UserSummary;
import com.walkrx.patient.CareTeam;
import com.walkrx.patient.CareTeamMember;
import com.walkrx.patient.CareTeamService;
import com.walkrx.patient.PatientService;
import com.walkrx.patient.PatientSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import com.walkrx.base.ui.Dates;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinic admin's care teams: pick a patient of the clinic, then add or remove the clinicians who
 * may read and change the record. {@code admin/care-teams/{patientId}} opens one patient directly; a
 * patient outside the admin's clinic is "not found".
 */
@Route("admin/care-teams/:patientId?")
@PageTitle("Care teams | WalkRx")
@Menu(order = 91, title = "Care teams", icon = "vaadin:doctor")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class CareTeamsView extends VerticalLayout implements BeforeEnterObserver {


    private final CareTeamService careTeams;
    private final ClinicService clinics;
    private final Caller caller;
    private final ZoneId zone;
    private final ComboBox<PatientSummary> patientPicker = new ComboBox<>("Patient");
    private final Div team = new Div();
    private CareTeam current;

    CareTeamsView(CareTeamService careTeams, PatientService patients, ClinicService clinics, CurrentUser currentUser,
                  java.time.Clock clock) {
        this.careTeams = careTeams;
        this.clinics = clinics;
        this.caller = currentUser.require();
        this.zone = clock.getZone();
        addClassNames("care-teams-view", "admin-page");

        patientPicker.setPlaceholder("Search by name");
        patientPicker.setWidth("24em");
        patientPicker.setItemLabelGenerator(p -> p.fullName() + " (born " + p.dateOfBirth() + ")");
        patientPicker.setItems(query -> patients.list(caller, query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        patientPicker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(CareTeamsView.class,
                        new RouteParameters("patientId", String.valueOf(e.getValue().id()))));
            }
        });
        team.addClassName("care-team");
        team.setWidthFull();
        team.setMaxWidth("960px");
        add(new H2("Care teams"), new Paragraph("Clinicians on a patient's care team see and change the patient's "
                + "record; nobody else in the clinic does, except admins."), patientPicker, team);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getRouteParameters().get("patientId").isEmpty()) {
            current = null;
            team.removeAll();
            return;
        }
        long patientId = RouteIds.require(event, "patientId", "Patient");
        current = careTeams.team(caller, patientId);
        render();
    }

    private void render() {
        team.removeAll();
        H3 title = new H3(current.patientName());
        title.addClassName("care-team-header");
        Paragraph id = new Paragraph("Patient id " + current.patientId());
        id.addClassName("hint");

        Grid<CareTeamMember> members = new Grid<>(CareTeamMember.class, false);
        members.addColumn(CareTeamMember::displayName).setHeader("Clinician").setKey("name").setFlexGrow(2)
                .setComparator(m -> m.displayName().toLowerCase(java.util.Locale.ROOT));
        members.addColumn(CareTeamMember::username).setHeader("Username").setKey("username");
        members.addColumn(m -> m.enabled() ? "Active" : "Deactivated").setHeader("Account").setKey("account");
        members.addColumn(m -> Dates.date(m.addedAt().atZone(zone).toLocalDate())).setHeader("On the team since")
                .setKey("added").setComparator(CareTeamMember::addedAt);
        long patientId = current.patientId();
        String patientName = current.patientName();
        members.addComponentColumn(m -> {
            // The row's identities are captured here: the confirmation acts on this clinician and this patient
            // whatever the grid shows by the time it is confirmed.
            long clinicianId = m.clinicianId();
            String clinicianName = m.displayName();
            Button remove = new Button("Remove", VaadinIcon.CLOSE_SMALL.create(),
                    e -> confirmRemove(patientId, patientName, clinicianId, clinicianName));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.addClassName("remove-member");
            return remove;
        }).setHeader("").setKey("remove");
        members.setItems(current.members());
        members.setAllRowsVisible(true);
        members.setWidthFull();
        members.addClassName("care-team-grid");

        Set<Long> onTeam = current.members().stream().map(CareTeamMember::clinicianId).collect(Collectors.toSet());
        ComboBox<UserSummary> candidate = new ComboBox<>("Add a clinician");
        candidate.setItems(clinics.clinicians(caller.clinicId()).stream()
                .filter(u -> u.enabled() && !onTeam.contains(u.id())).toList());
        candidate.setItemLabelGenerator(UserSummary::displayName);
        candidate.setWidth("20em");
        candidate.setPlaceholder(onTeam.isEmpty() ? "Choose a clinician" : "Choose another clinician");
        candidate.addClassName("candidate");
        Button add = new Button("Add to care team", VaadinIcon.PLUS.create(), e -> {
            UserSummary chosen = candidate.getValue();
            if (chosen != null) {
                careTeams.add(caller, patientId, chosen.id());
                notify(chosen.displayName() + " added to the care team.", NotificationVariant.LUMO_SUCCESS);
                refresh(patientId);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("add-member");
        HorizontalLayout adding = new HorizontalLayout(candidate, add);
        adding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        team.add(title, id);
        if (current.members().isEmpty()) {
            Paragraph empty = new Paragraph("No clinician is on this care team: no clinician can see this patient.");
            empty.addClassName("status-inactive");
            team.add(empty);
        } else {
            team.add(members);
        }
        team.add(adding);
    }

    private void confirmRemove(long patientId, String patientName, long clinicianId, String clinicianName) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + clinicianName + " from the care team?",
                clinicianName + " will no longer see or change the record of " + patientName
                        + ", nor be alerted about their flags.", "Remove",
                e -> remove(patientId, clinicianId, clinicianName));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addClassName("confirm-remove-member");
        confirm.open();
    }

    private void remove(long patientId, long clinicianId, String clinicianName) {
        try {
            careTeams.remove(caller, patientId, clinicianId);
            notify(clinicianName + " removed from the care team.", NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh(patientId); // the team as it is now, whatever the outcome or another admin's change meanwhile
    }

    private void refresh(long patientId) {
        current = careTeams.team(caller, patientId);
        render();
    }

    private static void notify(String text, NotificationVariant variant) {
        Toasts.show(text, 6000, variant).addClassName("care-team-notice");
    }

    /** The team on show (for tests). */
    CareTeam current() {
        return current;
    }
}
