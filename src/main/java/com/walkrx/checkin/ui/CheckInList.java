package com.walkrx.checkin.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.walkrx.base.ui.Dates;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import com.walkrx.checkin.CheckInRecord;
import com.walkrx.checkin.CheckInService;
import java.util.List;

/**
 * A patient's check-ins for their care team: newest first, paged, optionally between two dates. Embed it
 * in a patient page with {@code new CheckInList(checkInService, caller, patientId)}; a patient outside the
 * caller's care team shows as not found.
 */
@StyleSheet("context://styles/checkin.css")
public class CheckInList extends Div {

    static final int PAGE_SIZE = 20;

    private final DatePicker from = Dates.datePicker("From");
    private final DatePicker to = Dates.datePicker("To");
    private final CheckInPager pager;

    public CheckInList(CheckInService checkIns, Caller caller, long patientId) {
        addClassName("checkin-list");
        from.setId("check-ins-from");
        to.setId("check-ins-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setManualValidation(true);
        to.setManualValidation(true);
        Div filters = new Div(from, to);
        filters.addClassName("checkin-filters");
        pager = new CheckInPager(page -> fetch(checkIns, caller, patientId, page), checkIns.zone(),
                "No check-ins in this period.");
        from.addValueChangeListener(e -> pager.refresh());
        to.addValueChangeListener(e -> pager.refresh());
        add(filters, pager);
        pager.refresh();
    }

    private PageResponse<CheckInRecord> fetch(CheckInService checkIns, Caller caller, long patientId, int page) {
        to.setInvalid(false);
        try {
            return checkIns.forPatient(caller, patientId, from.getValue(), to.getValue(), page, PAGE_SIZE);
        } catch (InvalidInputException e) {
            to.setErrorMessage("Must be on or after the From date");
            to.setInvalid(true);
            return new PageResponse<>(List.of(), 0, PAGE_SIZE, 0);
        }
    }
}
