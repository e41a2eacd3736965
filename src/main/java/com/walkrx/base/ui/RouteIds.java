package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;
import java.util.OptionalLong;

/** Record ids in a route's parameters ({@code patients/:id/plan}), read the same way by every view. */
public final class RouteIds {

    private RouteIds() {
    }

    /** The whole number in the parameter {@code name}; empty when it is missing or not a number (a mistyped address). */
    public static OptionalLong of(BeforeEnterEvent event, String name) {
        Optional<String> value = event.getRouteParameters().get(name);
        try {
            return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
