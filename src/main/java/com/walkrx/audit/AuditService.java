package com.walkrx.audit;

import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail. Each entry commits in its own short transaction, so a denied or
 * failed action is still recorded when the action itself rolls back.
 */
@Service
public class AuditService {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditService(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setTimeout(5);
    }

    /** Records what a logged-in caller did or tried, about which patient (may be null). */
    public void record(Caller caller, AuditAction action, Long patientId, boolean allowed, String detail) {
        write(caller.clinicId(), caller.userId(), caller.username(), action, patientId, allowed, detail,
                ClientAddress.current());
    }

    /** Records an event whose actor is known only by name, such as a failed login. */
    public void recordAnonymous(Long clinicId, Long userId, String username, AuditAction action, boolean allowed,
                                String detail, String clientAddress) {
        write(clinicId, userId, username, action, null, allowed, detail, clientAddress);
    }

    private void write(Long clinicId, Long userId, String username, AuditAction action, Long patientId,
                       boolean allowed, String detail, String clientAddress) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into audit_event (clinic_id, user_id, username, client_address, action, patient_id, allowed, detail)
                        values (:clinic, :user, :username, :address, :action, :patient, :allowed, :detail)
                        """)
                .param("clinic", clinicId)
                .param("user", userId)
                .param("username", username)
                .param("address", clientAddress)
                .param("action", action.name())
                .param("patient", patientId)
                .param("allowed", allowed)
                .param("detail", detail)
                .update());
    }
}
