package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.walkrx.base.api.NotFoundException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Record ids in a route's parameters ({@code patients/:id/plan}), read the same way by every view. A missing,
 * mistyped or someone else's record all end on one page, {@link RecordNotFoundView}: a view calls
 * {@link #require} and lets the service's {@link NotFoundException} propagate out of {@code beforeEnter}.
 */
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

    /** The record id in the parameter {@code name}, or the record-not-found page for a missing or mistyped one. */
    public static long require(BeforeEnterEvent event, String name, String record) {
        return of(event, name).orElseThrow(() -> new NotFoundException(record));
    }
}
