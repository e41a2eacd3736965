package com.walkrx.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) on a free port, started from this test configuration (not its JUnit extension),
 * and the app's mail sender pointing at it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class GreenMailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        return new GreenMail(new ServerSetup(SharedTestDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    @Primary
    JavaMailSender greenMailSender(GreenMail greenMail) {
        return sender(greenMail);
    }

    /** A mail sender to this GreenMail (for a second app instance in a test). */
    public static JavaMailSender sender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        return sender;
    }
}
