package com.walkrx.clinic.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.Dates;
import com.walkrx.clinic.SignInFailure;
import com.walkrx.clinic.SignInFailureService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clinic admin's list of refused sign-ins to the clinic's accounts: counted per client address, account, reason
 * and hour, latest first. Usernames that match no account belong to no clinic and are not shown here.
 */
@Route("admin/sign-in-failures")
@PageTitle("Sign-in failures | WalkRx")
@Menu(order = 93, title = "Sign-in failures", icon = "vaadin:shield")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class SignInFailuresView extends VerticalLayout {

    final Grid<SignInFailure> grid = new Grid<>(SignInFailure.class, false);

    SignInFailuresView(SignInFailureService failures, CurrentUser currentUser, Clock clock) {
        Caller caller = currentUser.require();
        ZoneId zone = clock.getZone();
        addClassNames("sign-in-failures-view", "admin-page");
        setSizeFull();

        grid.addColumn(f -> Dates.dateTime(f.lastAt(), zone)).setHeader(t("signInFailures.last")).setKey("last")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.displayName() + " (" + f.username() + ")").setHeader(t("signInFailures.account"))
                .setKey("account").setAutoWidth(true);
        grid.addColumn(SignInFailure::clientAddress).setHeader(t("signInFailures.address")).setKey("address")
                .setAutoWidth(true);
        grid.addComponentColumn(f -> reason(f.reason())).setHeader(t("signInFailures.reason")).setKey("reason")
                .setAutoWidth(true);
        grid.addColumn(f -> channel(f.channel())).setHeader(t("signInFailures.channel")).setKey("channel")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SignInFailure::attempts).setHeader(t("signInFailures.attempts")).setKey("attempts")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.attempts() == 1 ? "" : t("signInFailures.from", Dates.time(f.firstAt(), zone)))
                .setHeader(t("signInFailures.first")).setKey("first").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setEmptyStateText(t("signInFailures.none"));
        // Lazy and without a total: each page scrolled to is read (and audited) on its own.
        grid.setItems(query -> failures.clinicFailures(caller, query.getOffset(), query.getLimit()).stream())
                .setIdentifierProvider(SignInFailure::id);

        Paragraph hint = new Paragraph(t("signInFailures.hint"));
        hint.addClassName("hint");
        Paragraph unknown = new Paragraph(t("signInFailures.unknownUsernames"));
        unknown.addClassNames("hint", "unknown-usernames");
        add(new H2(t("signInFailures.title")), hint, unknown, grid);
        setFlexGrow(1, grid);
    }

    private Span reason(AccountGuard.Failure reason) {
        Span s = new Span(switch (reason) {
            case BAD_CREDENTIALS -> t("signInFailures.reason.badCredentials");
            case LOCKED_OUT -> t("signInFailures.reason.lockedOut");
            case DISABLED -> t("signInFailures.reason.disabled");
            case WRONG_SECOND_FACTOR -> t("signInFailures.reason.wrongSecondFactor");
        });
        s.addClassNames("outcome", reason == AccountGuard.Failure.LOCKED_OUT ? "outcome-denied" : "outcome-failed");
        return s;
    }

    private String channel(AccountGuard.Channel channel) {
        return channel == AccountGuard.Channel.FORM ? t("signInFailures.channel.form") : t("signInFailures.channel.api");
    }

    private String t(String key, Object... params) {
        return getTranslation(key, params);
    }
}
