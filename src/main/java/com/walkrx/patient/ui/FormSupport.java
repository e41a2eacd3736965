package com.walkrx.patient.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import com.walkrx.base.ui.Dates;
import java.util.List;
import java.util.Map;

/** Small helpers the patient views share: the clinic's date pickers, showing a service's field problems, dates in words. */
final class FormSupport {

    private FormSupport() {
    }

    /** A date picker in the clinic's format and week (dd/mm/yyyy, Monday first in en-GB), validated by the form. */
    static DatePicker datePicker(String label) {
        DatePicker picker = Dates.datePicker(label);
        picker.setManualValidation(true);
        return picker;
    }

    static String date(LocalDate date) {
        return date == null ? "" : Dates.date(date);
    }

    static String shortDate(LocalDate date) {
        return date == null ? "" : Dates.date(date);
    }

    /** Clears every field's error. */
    static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /**
     * Shows each problem on its field as "Label message" (e.g. "Date of birth must be in the past") and
     * returns the problems no field took.
     */
    static List<FieldProblem> show(InvalidInputException e, Map<String, ? extends HasValidation> fields,
                                   Map<String, String> labels) {
        return e.problems().stream().filter(p -> {
            HasValidation field = fields.get(p.field());
            if (field == null) {
                return true;
            }
            String label = labels.getOrDefault(p.field(), p.field());
            String previous = field.isInvalid() ? field.getErrorMessage() + " " : "";
            field.setErrorMessage(previous + label + " " + p.message() + ".");
            field.setInvalid(true);
            return false;
        }).toList();
    }

    /** The address patients type to reach the app, e.g. https://walkrx.example.org, from the current request. */
    static String appUrl() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            HttpServletRequest http = servlet.getHttpServletRequest();
            if (http != null && http.getServerName() != null) {
                String scheme = http.getScheme();
                int port = http.getServerPort();
                boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
                        || ("https".equals(scheme) && port == 443);
                return scheme + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath();
            }
        }
        return "";
    }
}
