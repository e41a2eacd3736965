package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238 appendix B, and the product's 6-digit codes. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {1}: {2}")
    @CsvSource({
            "59,          HmacSHA1,   94287082",
            "59,          HmacSHA256, 46119246",
            "59,          HmacSHA512, 90693936",
            "1111111109,  HmacSHA1,   07081804",
            "1111111109,  HmacSHA256, 68084774",
            "1111111109,  HmacSHA512, 25091201",
            "1111111111,  HmacSHA1,   14050471",
            "1111111111,  HmacSHA256, 67062674",
            "1111111111,  HmacSHA512, 99943326",
            "1234567890,  HmacSHA1,   89005924",
            "1234567890,  HmacSHA256, 91819424",
            "1234567890,  HmacSHA512, 93441116",
            "2000000000,  HmacSHA1,   69279037",
            "2000000000,  HmacSHA256, 90698825",
            "2000000000,  HmacSHA512, 38618901",
            "20000000000, HmacSHA1,   65353130",
            "20000000000, HmacSHA256, 77737706",
            "20000000000, HmacSHA512, 47863826",
    })
    void rfc_6238_test_vectors(long seconds, String algorithm, String expected) {
        byte[] key = switch (algorithm) {
            case "HmacSHA1" -> SHA1_KEY;
            case "HmacSHA256" -> SHA256_KEY;
            default -> SHA512_KEY;
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(algorithm, key, step, 8)).isEqualTo(expected);
    }

    @Test
    void the_product_code_is_the_last_six_digits_of_the_sha1_vector_with_a_base32_secret() {
        String secret = Totp.base32(SHA1_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32(secret)).isEqualTo(SHA1_KEY);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void a_code_of_the_neighbouring_step_is_accepted_and_none_further_or_already_used() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, null)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, null)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, null)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now, null)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, null)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, step)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", now, null)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "abcdef", now, null)).isEqualTo(-1);
    }

    @Test
    void the_otpauth_uri_names_the_issuer_account_and_parameters() {
        assertThat(Totp.otpauthUri("WalkRx", "dr shah", "ABC"))
                .isEqualTo("otpauth://totp/WalkRx:dr%20shah?secret=ABC&issuer=WalkRx&algorithm=SHA1&digits=6&period=30");
    }
}
