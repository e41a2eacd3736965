package com.walkrx.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and haproxy.cfg cannot run here (no Docker engine): this reads them as Compose and HAProxy
 * would and checks that they describe two app instances on one PostgreSQL behind a sticky, health-checked proxy,
 * and that the health check they use answers on the real app.
 */
@WalkRxTest
class ComposeFileTest extends SpringTest {

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_two_app_instances_on_one_postgres_behind_haproxy() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "app1", "app2", "haproxy");

        Map<String, Object> postgres = services.get("postgres");
        assertThat(postgres.get("image")).isEqualTo("postgres:17");
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("walkrx-db");
        assertThat((Map<String, Object>) postgres.get("healthcheck")).containsKey("test");
        Map<String, Object> pgEnv = (Map<String, Object>) postgres.get("environment");
        assertThat(pgEnv.values()).as("no default passwords").noneMatch(v -> String.valueOf(v).contains(":-"));
        assertThat((String) pgEnv.get("POSTGRES_PASSWORD")).startsWith("${WALKRX_DB_ADMIN_PASSWORD:?");
        assertThat((List<String>) postgres.get("volumes")).contains("./docker/postgres-init:/docker-entrypoint-initdb.d:ro");
        assertThat(Files.readString(Path.of("docker/postgres-init/10-walkrx-roles.sh")))
                .contains("create role walkrx_owner", "create role walkrx_app", "create database walkrx owner walkrx_owner");

        for (String name : List.of("app1", "app2")) {
            Map<String, Object> app = services.get(name);
            Map<String, Object> env = (Map<String, Object>) app.get("environment");
            assertThat(env.get("DB_URL")).as(name).isEqualTo("jdbc:postgresql://postgres:5432/walkrx");
            assertThat(env.get("WALKRX_INSTANCE_ID")).as(name).isEqualTo(name);
            assertThat(env).containsKeys("DB_USERNAME", "DB_PASSWORD", "PORT");
            // least privilege: the app's own login, Flyway as the owner; no password has a default
            assertThat(env).containsEntry("DB_USERNAME", "walkrx_app").containsEntry("DB_OWNER_USERNAME", "walkrx_owner");
            // behind HAProxy's TLS: the __Host- session cookie, Secure
            assertThat(env).containsEntry("WALKRX_TLS", "true");
            assertThat((String) env.get("DB_PASSWORD")).startsWith("${WALKRX_DB_APP_PASSWORD:?");
            assertThat((String) env.get("DB_OWNER_PASSWORD")).startsWith("${WALKRX_DB_OWNER_PASSWORD:?");
            // one key of the authenticator secrets for both instances, required, no default
            assertThat((String) env.get("WALKRX_MFA_KEY")).startsWith("${WALKRX_MFA_KEY:?");
            // and the old one during a key rotation, empty otherwise
            assertThat(env).containsEntry("WALKRX_MFA_KEY_PREVIOUS", "${WALKRX_MFA_KEY_PREVIOUS:-}");
            assertThat(app.get("image")).isEqualTo("walkrx:local");
            assertThat(app.get("build")).isEqualTo(".");
            assertThat(((Map<String, Map<String, Object>>) app.get("depends_on")).get("postgres"))
                    .containsEntry("condition", "service_healthy");
            assertThat(app).doesNotContainKey("ports"); // reached through HAProxy only
            assertThat(((Map<String, List<String>>) app.get("healthcheck")).get("test").toString())
                    .contains("/actuator/health/readiness");
        }

        Map<String, Object> haproxy = services.get("haproxy");
        assertThat((String) haproxy.get("image")).matches("haproxy:2\\.\\d+");
        assertThat((List<String>) haproxy.get("volumes"))
                .contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat((List<String>) haproxy.get("volumes")).contains("./docker/tls:/usr/local/etc/haproxy/tls:ro");
        assertThat((List<String>) haproxy.get("ports")).containsExactlyInAnyOrder("443:8443", "80:8080");
        assertThat(Files.readString(Path.of(".gitignore"))).as("no private key in git").contains("docker/tls/*.pem");
        assertThat(Files.isExecutable(Path.of("docker/tls/make-self-signed-certificate.sh"))).isTrue();
    }

    @Test
    void haproxy_serves_https_only_and_plain_http_redirects() throws IOException {
        String cfg = Files.readString(Path.of("haproxy.cfg"));
        assertThat(cfg).contains("bind :8443 ssl crt /usr/local/etc/haproxy/tls/walkrx.pem",
                "ssl-min-ver TLSv1.2",
                "http-request redirect scheme https code 301 unless { ssl_fc }",
                "http-request set-header X-Forwarded-Proto https",
                "cookie SRV insert indirect nocache httponly secure");
        assertThat(cfg).doesNotContain("X-Forwarded-Proto http\n");
    }

    @Test
    void haproxy_keeps_each_browser_on_its_instance_and_checks_readiness() throws IOException {
        String cfg = Files.readString(Path.of("haproxy.cfg"));
        assertThat(cfg).contains("mode http", "cookie SRV insert indirect nocache",
                "http-check send meth GET uri /actuator/health/readiness", "timeout tunnel");
        Matcher servers = Pattern.compile("(?m)^\\s*server (\\S+) (\\S+):8080 check cookie (\\S+)$").matcher(cfg);
        List<String> found = servers.results().map(m -> m.group(1) + "=" + m.group(2) + "=" + m.group(3)).toList();
        assertThat(found).containsExactly("app1=app1=app1", "app2=app2=app2");
    }

    @Test
    void the_readiness_check_the_proxy_uses_answers_up_without_a_login() throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"status\":\"UP\"");
    }
}
