package com.walkrx.audit;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Around every {@code @Transactional} service call, outside its transaction: once the outermost transaction has
 * ended (committed or rolled back, its connection back in the pool), writes the audit entries that had to wait for
 * it ({@link AfterTransaction}), with the failure's message as the reason an allowed action was not done.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditAfterTransactionAspect {

    private final ObjectProvider<AuditService> audit; // looked up late: the audit service is itself advised

    @Around("(@within(org.springframework.transaction.annotation.Transactional)"
            + " || @annotation(org.springframework.transaction.annotation.Transactional))"
            + " && within(com.walkrx..*)")
    Object writeWaitingEntries(ProceedingJoinPoint call) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return call.proceed(); // an inner call: the outermost one writes them
        }
        String reason = null;
        try {
            return call.proceed();
        } catch (Throwable failure) {
            reason = AuditService.reason(failure);
            throw failure;
        } finally {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                if (!AfterTransaction.isEmpty()) {
                    audit.getObject().writeWaiting(reason);
                }
            }
        }
    }
}
