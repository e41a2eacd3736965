package com.walkrx.patient.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A link {@code /activate?code=K7QX-...} from the clinic: the code is a credential, so it leaves the
 * URL after this first request. It is kept in the visitor's session and the browser is sent to
 * {@code /activate} (303), so it appears in neither the browser's history nor any later request (Vaadin's
 * own requests would otherwise repeat the page's address, query included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ActivationLinkFilter extends OncePerRequestFilter {

    static final String SESSION_KEY = ActivationLinkFilter.class.getName() + ".code";
    static final String PATH = "/" + ActivationView.ROUTE;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
                || request.getParameter("code") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = request.getParameter("code");
        if (code.length() <= 40) {
            request.getSession(true).setAttribute(SESSION_KEY, code);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", PATH);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
