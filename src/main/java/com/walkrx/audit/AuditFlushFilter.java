package com.walkrx.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At the end of every request, writes the audit entries still waiting for a transaction to end on this thread
 * (a transaction run by a template rather than a {@code @Transactional} call, which {@link
 * AuditAfterTransactionAspect} does not see), so none is lost or left for the thread's next request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditFlushFilter extends OncePerRequestFilter {

    private final AuditService audit;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!AfterTransaction.isEmpty()) {
                audit.writeWaiting(null);
            }
        }
    }
}
