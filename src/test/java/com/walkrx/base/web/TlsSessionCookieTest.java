package com.walkrx.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.KeepSecurityContextStrategy;
import com.walkrx.support.TestClockConfiguration;
import com.walkrx.support.TestData;
import com.walkrx.support.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * With {@code walkrx.tls=true} (HTTPS ends at the proxy in front) the session cookie carries the {@code __Host-}
 * prefix and everything the prefix demands: Secure, Path=/, no Domain; the session it names is the one the app
 * keeps. (The plain-HTTP default, JSESSIONID, is checked by SecurityHeadersTest on the shared context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"walkrx.tls=true",
        "walkrx.demo=true", "walkrx.progression.pending-cron=-"})
@Import({TestClockConfiguration.class, TestData.class})
@ExtendWith(KeepSecurityContextStrategy.class)
class TlsSessionCookieTest {

    @LocalServerPort
    int port;

    @Test
    void behind_tls_the_session_cookie_is_a_host_cookie_secure_path_slash_and_without_domain() {
        WebClient.Reply page = new WebClient(port).get("/login", Map.of("X-Forwarded-Proto", "https"));

        List<String> cookies = page.raw().headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.contains("JSESSIONID")).singleElement().satisfies(c -> {
            assertThat(c).startsWith(TlsSessionCookie.NAME + "=");
            List<String> attributes = List.of(c.split(";\\s*"));
            assertThat(attributes).contains("Secure", "Path=/", "HttpOnly", "SameSite=Lax");
            assertThat(attributes).noneMatch(a -> a.toLowerCase().startsWith("domain"));
        });

        String session = cookies.getFirst().substring(0, cookies.getFirst().indexOf(';'));
        WebClient.Reply again = new WebClient(port).get("/login", Map.of("X-Forwarded-Proto", "https",
                "Cookie", session));
        assertThat(again.raw().headers().allValues("Set-Cookie")).as("the same session, recognised by its new name")
                .noneMatch(c -> c.startsWith(TlsSessionCookie.NAME));
    }
}
