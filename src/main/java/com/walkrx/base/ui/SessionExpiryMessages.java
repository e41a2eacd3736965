package com.walkrx.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.walkrx.base.security.CurrentUser;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * When a logged-in user's session has ended (inactivity, deactivation), the open tab goes straight to
 * the login page, which says why; a tab that was never logged in just reloads the login page.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionExpiryMessages implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            String contextPath = info.getRequest() == null ? "" : info.getRequest().getContextPath();
            boolean loggedIn = currentUser.principal().isPresent() || sessionEnded(info.getRequest());
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setSessionExpiredURL(contextPath + (loggedIn ? "/login?timeout" : "/login"));
            return messages;
        });
    }

    /** The request names a session that has ended: it was a logged-in session the server closed. */
    private static boolean sessionEnded(VaadinRequest request) {
        return request instanceof VaadinServletRequest r && r.getRequestedSessionId() != null
                && !r.isRequestedSessionIdValid();
    }
}
