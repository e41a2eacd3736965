package com.walkrx.base.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.ui.LoginView;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Vaadin lets its own requests through and checks a view's {@code @PermitAll}/{@code @RolesAllowed} against
 * the role alone, which a password gives. Until the authentication holds every factor the user's clinic
 * requires ({@link RequiredFactors}), every navigation goes to the second-factor view instead, except to
 * that view and to pages for strangers ({@code @AnonymousAllowed}: login, activation, password reset).
 */
@Component
class SecondFactorNavigationCheck implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof WalkRxPrincipal)
                || RequiredFactors.satisfied(authentication)) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (target != null && (target.isAnnotationPresent(AnonymousAllowed.class)
                || LoginView.SECOND_FACTOR_ROUTE.equals(routeOf(target)))) {
            return;
        }
        event.forwardTo(LoginView.SECOND_FACTOR_ROUTE);
    }

    private static String routeOf(Class<?> target) {
        com.vaadin.flow.router.Route route = target.getAnnotation(com.vaadin.flow.router.Route.class);
        return route == null ? null : route.value();
    }
}
