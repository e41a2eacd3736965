package com.walkrx;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** WalkRx: walking therapy for back pain, run by clinicians for many patients at once. */
@SpringBootApplication
@EnableScheduling
@EnableAsync // @ApplicationModuleListener methods run after the commit, on the task executor
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/walkrx.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class WalkRxApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // Tomcat's per-WebSocket frame and send buffers (8 KB each, three per open push connection); push
        // messages larger than this are sent in several writes. An explicit -D setting wins.
        if (System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE") == null) {
            System.setProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", "2048");
        }
        SpringApplication.run(WalkRxApplication.class, args);
    }
}
