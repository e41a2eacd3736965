package com.walkrx.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.IdleLogoff;
import com.walkrx.base.security.WalkRxPrincipal;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every page: a side navigation with only what the user's role may open, the
 * user's name and a logout button. The drawer collapses behind a toggle on phones.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final SideNav nav = new SideNav();

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, IdleLogoff idleLogoff) {
        setPrimarySection(Section.DRAWER);
        WalkRxPrincipal user = currentUser.principal().orElseThrow();

        Span brand = new Span("WalkRx");
        brand.addClassName("brand");
        Div header = new Div(brand);
        header.addClassName("drawer-header");

        nav.addClassName("main-nav");
        nav.getElement().setAttribute("aria-label", "Main navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() != null
                    ? new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()))
                    : new SideNavItem(entry.title(), entry.path());
            item.addClassName("nav-" + entry.path().replace('/', '-'));
            nav.addItem(item);
        }

        Span name = new Span(user.displayName());
        name.addClassName("user-name");
        Span role = new Span(switch (user.role()) {
            case ADMIN -> "Clinic admin";
            case CLINICIAN -> "Clinician";
            case PATIENT -> "Patient";
        });
        role.addClassName("user-role");
        Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("logout-button");
        VerticalLayout userBox = new VerticalLayout(name, role, logout);
        userBox.addClassName("user-box");
        userBox.setSpacing(false);

        addToDrawer(header, nav, userBox);

        DrawerToggle toggle = new DrawerToggle();
        toggle.getElement().setAttribute("aria-label", "Menu");
        Span topTitle = new Span("WalkRx");
        topTitle.addClassName("top-title");
        Span topUser = new Span(user.displayName());
        topUser.addClassName("top-user");
        HorizontalLayout navbar = new HorizontalLayout(toggle, topTitle, topUser);
        navbar.setWidthFull();
        navbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        navbar.expand(topTitle);
        navbar.addClassName("top-bar");
        addToNavbar(navbar);
        getElement().appendChild(new IdleLogoffWarning(idleLogoff).getElement());
    }

    /** Main navigation, exposed for tests. */
    SideNav navigation() {
        return nav;
    }
}
