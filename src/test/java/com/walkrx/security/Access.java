package com.walkrx.security;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteNotFoundError;
import com.walkrx.base.ui.AccessDeniedView;
import com.walkrx.base.ui.LoginView;
import com.walkrx.base.ui.RecordNotFoundView;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The vocabulary of the authorization matrix and the patient-id walk: who asks, about whose patient,
 * what they should get, and how a route (browserless) or an endpoint (real HTTP) is asked.
 */
final class Access {

    private Access() {
    }

    /** The caller's role. */
    enum Who { ADMIN, CLINICIAN, PATIENT, ANONYMOUS }

    /**
     * Whose patient the id in the target belongs to, seen from the caller: OWN is a clinician's
     * care-team patient, an admin's clinic's patient, a patient's own record.
     */
    enum Whose { OWN, SAME_CLINIC_OTHER_TEAM, OTHER_CLINIC, NONE }

    /** What the caller gets. */
    enum Expect {
        /** The page, or a 2xx reply. */
        OK,
        /** "Not found": the Not found page, or 404. Never says whether the record exists. */
        NOT_FOUND,
        /** Refused by role: the Access denied page, or 403. */
        FORBIDDEN,
        /** Sent to log in, or 401. */
        LOGIN
    }

    /** A request body for each endpoint that takes one ({today} is today's date). */
    static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/patients", """
                    {"givenName": "Matrix", "familyName": "Row", "dateOfBirth": "1970-01-01",
                     "condition": "SCIATICA", "acuity": "CHRONIC", "onsetDate": "2025-01-01",
                     "surgeryDate": null, "surgeonClearanceDate": null}""",
            "PUT /api/v1/patients/{id}/surgery-clearance", "{\"date\": \"{today}\", \"limits\": \"none\"}",
            "POST /api/v1/patients/{id}/plan", "{\"template\": \"STANDARD\", \"startDate\": \"{today}\", \"overrideReason\": null}",
            "POST /api/v1/check-ins", "{\"date\": \"{today}\", \"overallPain\": 3}");

    /**
     * Requests made first, by a clinician on the target patient's care team, so that the row has
     * something to read (e.g. a plan).
     */
    static final Map<String, String> SETUP = Map.of(
            "GET /api/v1/patients/{id}/plan", "POST /api/v1/patients/{id}/plan");

    /** Asks an endpoint ("GET /api/v1/patients/{id}") as the user (null: anonymous). */
    static Api.Reply call(int port, TestData.User user, String target, long patientId, LocalDate today) {
        String[] parts = target.split(" ", 2);
        String path = parts[1].replace("{id}", String.valueOf(patientId));
        String body = BODIES.getOrDefault(target, null);
        if (body != null) {
            body = body.replace("{today}", today.toString());
        }
        Api api = user == null ? Api.anonymous(port) : Api.as(port, user);
        return switch (parts[0]) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path, body);
            case "PUT" -> api.put(path, body == null ? "{}" : body);
            default -> throw new IllegalArgumentException(target);
        };
    }

    /** A reply from the catch-all: no controller serves this method and path (yet). */
    static boolean unknownEndpoint(Api.Reply reply) {
        return reply.status() == 404 && reply.body() != null && reply.body().contains("There is no such endpoint.");
    }

    static Expect outcomeOf(Api.Reply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return Expect.OK;
        }
        return switch (status) {
            case 401 -> Expect.LOGIN;
            case 403 -> Expect.FORBIDDEN;
            case 404 -> unknownEndpoint(reply) ? null : Expect.NOT_FOUND;
            default -> null;
        };
    }

    /** Navigates the current (browserless) UI and tells what the user got. */
    static Expect navigate(String route, Supplier<HasElement> currentView) {
        UI.getCurrent().navigate(route);
        HasElement view = currentView.get();
        Class<?> shown = view.getClass();
        if (shown == LoginView.class) {
            return Expect.LOGIN;
        }
        if (shown == AccessDeniedView.class) {
            return Expect.FORBIDDEN;
        }
        if (shown == RecordNotFoundView.class) {
            return Expect.NOT_FOUND;
        }
        if (RouteNotFoundError.class.isAssignableFrom(shown)) {
            return null; // no such route at all
        }
        return Expect.OK;
    }

    /** True when some route serves this path. */
    static boolean routeExists(String path) {
        return RouteConfiguration.forApplicationScope().getRoute(path).isPresent();
    }
}
