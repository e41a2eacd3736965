package com.walkrx.audit;

import com.walkrx.base.security.AccessRefused;
import com.walkrx.base.security.WalkRxPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes ACCESS_DENIED for refusals by role: service methods and endpoints ({@code @PreAuthorize},
 * URL rules) and pages. Refusals by care relationship are audited by the patient module itself.
 * Anonymous refusals (which end on the login page) are not recorded.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessDeniedAuditor {

    private final AuditService audit;

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Supplier<Authentication> authentication = event.getAuthentication();
        Authentication auth = authentication == null ? null : authentication.get();
        if (auth != null && auth.getPrincipal() instanceof WalkRxPrincipal p) {
            audit.record(p.caller(), AuditAction.ACCESS_DENIED, null, false, describe(event.getSource()));
        }
    }

    @EventListener
    void on(AccessRefused event) {
        audit.record(event.caller(), AuditAction.ACCESS_DENIED, null, false, event.target());
    }

    private static String describe(Object source) {
        if (source instanceof MethodInvocation invocation) {
            return "call " + invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
        }
        if (source instanceof HttpServletRequest request) {
            return "request " + request.getMethod() + " " + request.getRequestURI();
        }
        return String.valueOf(source);
    }
}
