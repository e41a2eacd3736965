package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The credential cache in front of real bcrypt: what it spares, and what it never lets through. */
class VerifiedCredentialCacheTest {

    /** Real bcrypt (the product's encoder), counting the verifications it is asked for. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            verifications.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    final CountingEncoder bcrypt = new CountingEncoder();
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final VerifiedCredentialCache cache = new VerifiedCredentialCache(bcrypt, now::get);
    final String hash = bcrypt.encode("correct horse battery");

    @Test
    void a_verified_password_is_not_hashed_again_within_the_ttl() {
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        now.addAndGet(VerifiedCredentialCache.TTL.toNanos() - 1);
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(bcrypt.verifications).hasValue(1);
    }

    @Test
    void after_the_ttl_the_password_is_verified_with_bcrypt_again() {
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        now.addAndGet(VerifiedCredentialCache.TTL.toNanos());
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(bcrypt.verifications).hasValue(2);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_always_goes_to_bcrypt() {
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(cache.matches("wrong horse battery", hash)).isFalse();
        assertThat(cache.matches("wrong horse battery", hash)).isFalse();
        assertThat(cache.matches("correct horse batter", hash)).isFalse();
        assertThat(bcrypt.verifications).hasValue(4);
    }

    @Test
    void a_new_stored_hash_for_the_same_password_is_verified_afresh_and_the_old_password_fails_against_it() {
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        // A password change (on any instance) writes a new hash: what was verified against the old one is no help.
        String changed = bcrypt.encode("a new password entirely");
        assertThat(cache.matches("correct horse battery", changed)).isFalse();
        assertThat(cache.matches("a new password entirely", changed)).isTrue();
        assertThat(bcrypt.verifications).hasValue(3);
    }

    @Test
    void the_same_password_of_two_users_is_verified_for_each_of_them() {
        String other = bcrypt.encode("correct horse battery"); // another user: another bcrypt salt
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(cache.matches("correct horse battery", other)).isTrue();
        assertThat(bcrypt.verifications).hasValue(2);
    }

    @Test
    void the_cache_stays_bounded() {
        PasswordEncoder yes = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "fake:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return true;
            }
        };
        VerifiedCredentialCache small = new VerifiedCredentialCache(yes, now::get);
        for (int i = 0; i < VerifiedCredentialCache.MAX_ENTRIES * 2 + 5; i++) {
            small.matches("p" + i, "fake:h" + i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(VerifiedCredentialCache.MAX_ENTRIES);
    }
}
