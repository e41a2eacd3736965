package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authenticator secrets at rest: sealed under a key that is not in the database, bound to their user. */
class TotpSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());
    private static final String DB = "jdbc:postgresql://db:5432/walkrx";

    @Test
    void a_sealed_secret_opens_for_its_user_and_does_not_show_the_secret() {
        TotpSecrets secrets = new TotpSecrets(KEY, DB, "unused");
        String secret = Totp.newSecret();

        String stored = secrets.seal(7, secret);

        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(secrets.open(7, stored)).isEqualTo(secret);
        assertThat(secrets.seal(7, secret)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void a_secret_copied_to_another_user_or_read_with_another_key_does_not_open() {
        String stored = new TotpSecrets(KEY, DB, "unused").seal(7, Totp.newSecret());

        assertThatThrownBy(() -> new TotpSecrets(KEY, DB, "unused").open(8, stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALKRX_MFA_KEY");
        assertThatThrownBy(() -> new TotpSecrets(OTHER_KEY, DB, "unused").open(7, stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALKRX_MFA_KEY");
    }

    @Test
    void a_secret_stored_before_sealing_is_read_as_it_is() {
        String plain = Totp.newSecret();
        assertThat(new TotpSecrets(KEY, DB, "unused").open(7, plain)).isEqualTo(plain);
    }

    @Test
    void on_an_external_database_a_missing_or_malformed_key_stops_the_start_saying_what_to_set() {
        assertThatThrownBy(() -> new TotpSecrets("", DB, "unused"))
                .hasMessageContaining("WALKRX_MFA_KEY is not set").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TotpSecrets("c2hvcnQ=", DB, "unused"))
                .hasMessageContaining("holds 5 bytes; it must be 32");
        assertThatThrownBy(() -> new TotpSecrets("not base64!", DB, "unused"))
                .hasMessageContaining("is not Base64");
    }

    @Test
    void on_the_embedded_database_a_key_is_generated_once_beside_it_readable_by_the_owner_only(@TempDir Path dir)
            throws Exception {
        String embedded = dir.resolve("postgres").toString();
        TotpSecrets first = new TotpSecrets("", "", embedded);
        Path file = dir.resolve("mfa.key");
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String stored = first.seal(3, "JBSWY3DPEHPK3PXP");
        assertThat(new TotpSecrets("", "", embedded).open(3, stored)).as("the next start reads the same key")
                .isEqualTo("JBSWY3DPEHPK3PXP");
    }
}
