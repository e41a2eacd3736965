package com.walkrx.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The short notices of the UI ("Saved.", a refusal), created in one place so they all sit where they cover no
 * navigation: bottom right. Bottom left is the foot of the navigation drawer, with the signed-in user's name and
 * the log-out button; top right is for live flag alerts.
 */
public final class Toasts {

    /** Where every notice of this helper opens. */
    public static final Notification.Position POSITION = Notification.Position.BOTTOM_END;

    private Toasts() {
    }

    /** Shows {@code text} for {@code millis} ms in the theme of {@code variant} (success, error, warning). */
    public static Notification show(String text, int millis, NotificationVariant variant) {
        Notification n = Notification.show(text, millis, POSITION);
        n.addThemeVariants(variant);
        return n;
    }
}
