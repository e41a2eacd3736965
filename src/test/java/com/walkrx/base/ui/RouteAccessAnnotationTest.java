package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class RouteAccessAnnotationTest {

    private static final List<Class<? extends Annotation>> ACCESS =
            List.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    @Test
    void every_route_has_exactly_one_access_annotation() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<String> routes = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("com.walkrx")) {
            Class<?> view = Class.forName(bd.getBeanClassName());
            routes.add(view.getSimpleName());
            long count = ACCESS.stream().filter(view::isAnnotationPresent).count();
            if (count != 1) {
                offenders.add(view.getName() + " has " + count);
            }
        }
        assertThat(routes).contains("LoginView", "CaseloadView", "TodayView", "HomeView");
        assertThat(offenders).as("routes without exactly one access annotation").isEmpty();
    }

    @Test
    void only_pages_a_stranger_must_reach_are_anonymous() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<String> anonymous = new ArrayList<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("com.walkrx")) {
            Class<?> view = Class.forName(bd.getBeanClassName());
            if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                anonymous.add(view.getSimpleName());
            }
        }
        assertThat(anonymous).allMatch(n -> Stream.of("LoginView", "ActivationView", "PasswordResetView").anyMatch(n::equals),
                "anonymous routes: " + anonymous);
    }
}
