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
        TotpSecrets secrets = new TotpSecrets(KEY, "", DB, "unused");
        String secret = Totp.newSecret();

        String stored = secrets.seal(7, secret);

        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(secrets.open(7, stored)).isEqualTo(secret);
        assertThat(secrets.seal(7, secret)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void a_secret_copied_to_another_user_or_read_with_another_key_does_not_open() {
        String stored = new TotpSecrets(KEY, "", DB, "unused").seal(7, Totp.newSecret());

        assertThatThrownBy(() -> new TotpSecrets(KEY, "", DB, "unused").open(8, stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALKRX_MFA_KEY");
        assertThatThrownBy(() -> new TotpSecrets(OTHER_KEY, "", DB, "unused").open(7, stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALKRX_MFA_KEY");
    }

    @Test
    void after_a_rotation_a_secret_of_the_previous_key_opens_and_is_resealed_under_the_new_one() {
        String secret = Totp.newSecret();
        String underOld = new TotpSecrets(OTHER_KEY, "", DB, "unused").seal(7, secret);
        TotpSecrets rotated = new TotpSecrets(KEY, OTHER_KEY, DB, "unused");

        assertThat(rotated.open(7, underOld)).isEqualTo(secret);
        String underNew = rotated.resealed(7, underOld).orElseThrow();
        assertThat(new TotpSecrets(KEY, "", DB, "unused").open(7, underNew)).as("without the previous key")
                .isEqualTo(secret);
        assertThat(rotated.resealed(7, underNew)).as("already under the new key").isEmpty();
        assertThat(rotated.resealed(7, secret)).as("a plain one is sealed").hasValueSatisfying(
                sealed -> assertThat(rotated.open(7, sealed)).isEqualTo(secret));
        String underThird = new TotpSecrets(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                30, 31, 32}), "", DB, "unused").seal(7, secret);
        assertThatThrownBy(() -> rotated.resealed(7, underThird)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nor WALKRX_MFA_KEY_PREVIOUS");
        assertThatThrownBy(() -> new TotpSecrets(KEY, "c2hvcnQ=", DB, "unused"))
                .hasMessageContaining("WALKRX_MFA_KEY_PREVIOUS holds 5 bytes");
    }

    @Test
    void a_secret_stored_before_sealing_is_read_as_it_is() {
        String plain = Totp.newSecret();
        assertThat(new TotpSecrets(KEY, "", DB, "unused").open(7, plain)).isEqualTo(plain);
    }

    @Test
    void on_an_external_database_a_missing_or_malformed_key_stops_the_start_saying_what_to_set() {
        assertThatThrownBy(() -> new TotpSecrets("", "", DB, "unused"))
                .hasMessageContaining("WALKRX_MFA_KEY is not set").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TotpSecrets("c2hvcnQ=", "", DB, "unused"))
                .hasMessageContaining("holds 5 bytes; it must be 32");
        assertThatThrownBy(() -> new TotpSecrets("not base64!", "", DB, "unused"))
                .hasMessageContaining("is not Base64");
    }

    @Test
    void on_the_embedded_database_a_key_is_generated_once_beside_it_readable_by_the_owner_only(@TempDir Path dir)
            throws Exception {
        String embedded = dir.resolve("postgres").toString();
        TotpSecrets first = new TotpSecrets("", "", "", embedded);
        Path file = dir.resolve("mfa.key");
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String stored = first.seal(3, "JBSWY3DPEHPK3PXP");
        assertThat(new TotpSecrets("", "", "", embedded).open(3, stored)).as("the next start reads the same key")
                .isEqualTo("JBSWY3DPEHPK3PXP");
    }
}
