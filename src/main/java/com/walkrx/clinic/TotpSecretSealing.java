package com.walkrx.clinic;

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
 * Seals the authenticator secrets stored in plain text before {@link TotpSecrets} existed, once at start-up.
 * Each row is updated only while it is still plain, so two instances starting together never seal one twice;
 * until then {@link TotpSecrets#open} reads a plain one as it is.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TotpSecretSealing {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretSealing.class);

    private final JdbcClient jdbc;
    private final TotpSecrets secrets;

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealPlainSecrets() {
        var plain = jdbc.sql("select user_id, secret from totp_factor where secret not like :sealed for update skip locked")
                .param("sealed", TotpSecrets.PREFIX + "%")
                .query((rs, n) -> new Object[] {rs.getLong("user_id"), rs.getString("secret")}).list();
        for (Object[] row : plain) {
            long userId = (Long) row[0];
            jdbc.sql("update totp_factor set secret = :s where user_id = :u and secret = :plain")
                    .param("s", secrets.seal(userId, (String) row[1])).param("u", userId).param("plain", row[1])
                    .update();
        }
        if (!plain.isEmpty()) {
            log.info("Sealed {} authenticator secret(s) stored before encryption at rest", plain.size());
        }
    }
}
