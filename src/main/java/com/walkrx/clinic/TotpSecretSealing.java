package com.walkrx.clinic;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals under the current key, once at start-up, the authenticator secrets stored in plain text before
 * {@link TotpSecrets} existed and those sealed under {@code WALKRX_MFA_KEY_PREVIOUS} (a key rotation). Each row
 * is updated only while it still holds what was read, so two instances starting together never seal one twice;
 * until then {@link TotpSecrets#open} reads a plain one as it is, and a previous key's one with that key. A row
 * that opens with neither key is left as it is and counted in the log: its user needs an admin's reset.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TotpSecretSealing {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretSealing.class);

    private final JdbcClient jdbc;
    private final TotpSecrets secrets;

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealUnderCurrentKey() {
        var rows = jdbc.sql("select user_id, secret from totp_factor for update skip locked")
                .query((rs, n) -> new Object[] {rs.getLong("user_id"), rs.getString("secret")}).list();
        int sealed = 0;
        int unreadable = 0;
        for (Object[] row : rows) {
            long userId = (Long) row[0];
            String stored = (String) row[1];
            Optional<String> resealed;
            try {
                resealed = secrets.resealed(userId, stored);
            } catch (IllegalStateException e) {
                unreadable++;
                continue;
            }
            if (resealed.isPresent()) {
                sealed += jdbc.sql("update totp_factor set secret = :s where user_id = :u and secret = :old")
                        .param("s", resealed.get()).param("u", userId).param("old", stored).update();
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} authenticator secret(s) under the current WALKRX_MFA_KEY", sealed);
        }
        if (unreadable > 0) {
            log.error("{} authenticator secret(s) open with neither WALKRX_MFA_KEY nor WALKRX_MFA_KEY_PREVIOUS: those "
                    + "users cannot sign in with their authenticator until an admin resets it (or the right key is "
                    + "set)", unreadable);
        }
    }
}
