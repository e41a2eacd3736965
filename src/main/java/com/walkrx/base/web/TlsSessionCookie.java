package com.walkrx.base.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Behind TLS ({@code WALKRX_TLS=true}: a proxy terminates HTTPS in front of the app) the session cookie is
 * {@value #NAME}: a browser accepts a {@code __Host-} cookie only when it is Secure, has Path=/ and no Domain, so
 * neither a plain-HTTP page nor a sibling subdomain can set or overwrite the session id. The plain-HTTP
 * development run keeps {@code JSESSIONID}. Runs after Boot's own {@code server.servlet.session.cookie.*} settings.
 */
@Component
@ConditionalOnBooleanProperty("walkrx.tls")
class TlsSessionCookie implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

    static final String NAME = "__Host-JSESSIONID";

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        Cookie cookie = factory.getSettings().getSession().getCookie();
        cookie.setName(NAME);
        cookie.setSecure(true);
        cookie.setPath("/");
        cookie.setDomain(null);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
