package com.walkrx.flag.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.walkrx.base.cluster.ClusterNotifications;
import com.walkrx.base.security.Caller;
import com.walkrx.flag.FlagNotices;
import com.walkrx.flag.FlagNotices.Notice;
import com.walkrx.flag.FlagRaised;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagStatus;
import com.walkrx.base.clinical.Tier;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Live flag alerts through Vaadin server push. Every open UI of a clinician on this instance registers here. The
 * source is PostgreSQL: every instance's committed flag changes arrive as {@link FlagNotices} (this instance's
 * own too, through the same path), and each UI of a clinician on that patient's care team updates its "Open
 * flags" badge and flag lists, and for a new URGENT or HIGH flag shows a notification. Other UIs hear nothing.
 * After the listening connection was lost, every badge is refreshed from the database.
 */
@org.springframework.stereotype.Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagAlerts implements ClusterNotifications.Listener {

    static final String NAV_PATH = "flags";
    private static final Logger log = LoggerFactory.getLogger(FlagAlerts.class);

    /** One open UI of a clinician, with the login under which its updates run. */
    record Registration(UI ui, Caller caller, Authentication authentication) {
    }

    private final Set<Registration> registrations = ConcurrentHashMap.newKeySet();
    private final PatientAccess access;
    private final FlagService flags;
    private final FlagNotices notices;

    Registration register(UI ui, Caller caller, Authentication authentication) {
        Registration r = new Registration(ui, caller, authentication);
        registrations.add(r);
        return r;
    }

    void unregister(Registration registration) {
        registrations.remove(registration);
    }

    int registered() {
        return registrations.size();
    }

    @Override
    public String channel() {
        return FlagNotices.CHANNEL;
    }

    @Override
    public void received(String payload) {
        Notice notice = Notice.parse(payload).orElse(null);
        if (notice == null) {
            log.warn("Ignored a flag notice in an unknown format: {}", payload);
            return;
        }
        deliver(notice);
    }

    /** Notices sent while the connection was down are lost: every open page re-reads its badge. */
    @Override
    public void reconnected() {
        for (Registration r : registrations) {
            access(r, () -> updateBadge(r.ui(), r.caller()));
        }
    }

    private void deliver(Notice notice) {
        Map<Long, Boolean> onCareTeam = new HashMap<>();
        Optional<FlagRaised> alert = null; // read once, only when some clinician on this instance is to see it
        for (Registration r : registrations) {
            if (r.caller().clinicId() != notice.clinicId()) {
                continue;
            }
            boolean allowed = onCareTeam.computeIfAbsent(r.caller().userId(),
                    u -> access.allowed(r.caller(), notice.patientId(), Need.CARE));
            if (!allowed) {
                continue;
            }
            if (alert == null) {
                alert = notices.alert(notice);
            }
            FlagRaised shown = alert.orElse(null);
            access(r, () -> update(r, notice.patientId(), shown));
        }
    }

    private void access(Registration r, Runnable work) {
        try {
            r.ui().access(() -> runAs(r.authentication(), work));
        } catch (UIDetachedException e) {
            registrations.remove(r);
        }
    }

    /** In the UI's lock: notification (for URGENT/HIGH), badge, and every live flag list on the page. */
    private void update(Registration r, long patientId, FlagRaised alert) {
        if (alert != null) {
            flags.alertShown(r.caller(), alert);
            notify(r.ui(), alert);
        }
        updateBadge(r.ui(), r.caller());
        descendants(r.ui()).filter(LiveFlags.class::isInstance).map(LiveFlags.class::cast).toList()
                .forEach(l -> l.flagsChanged(patientId));
    }

    /** Shows the count of open flags next to "Open flags" in the navigation (called after each navigation too). */
    void updateBadge(UI ui, Caller caller) {
        Optional<SideNavItem> item = descendants(ui).filter(SideNavItem.class::isInstance).map(SideNavItem.class::cast)
                .filter(i -> NAV_PATH.equals(i.getPath())).findFirst();
        if (item.isEmpty()) {
            return;
        }
        long open = flags.attentionCounts(caller).total(); // open, and URGENT/HIGH until resolved
        Span badge = new Span(String.valueOf(open));
        badge.addClassName("flag-count-badge");
        badge.getElement().setAttribute("aria-label", open + " flags need attention");
        badge.getElement().getThemeList().add("badge " + (open > 0 ? "error primary" : "contrast"));
        item.get().setSuffixComponent(badge);
    }

    private static void notify(UI ui, FlagRaised alert) {
        Notification n = new Notification();
        n.addClassName("flag-alert");
        n.addThemeVariants(alert.tier() == Tier.URGENT ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_WARNING);
        n.setPosition(Notification.Position.TOP_END);
        n.setDuration(alert.tier() == Tier.URGENT ? 0 : 15000); // URGENT stays until closed
        String what = alert.firstRaised() ? "New " + alert.tier().name() + " flag" : alert.tier().name()
                + " flag, new report";
        Div text = new Div(new Span(what + ": " + alert.code().label() + " - " + alert.patientName()));
        text.addClassName("flag-alert-text");
        Button open = new Button("View", e -> {
            n.close();
            ui.navigate("patients/" + alert.patientId() + "/flags");
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        HorizontalLayout layout = new HorizontalLayout(text, open, close);
        layout.setAlignItems(HorizontalLayout.Alignment.CENTER);
        n.add(layout);
        n.open();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(FlagAlerts::descendants));
    }

    private static void runAs(Authentication authentication, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Could not update a clinician's page with a flag change", e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
