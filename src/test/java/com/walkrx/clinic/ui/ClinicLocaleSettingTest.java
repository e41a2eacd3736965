package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clinic's locale: an admin's setting (page and API), en-GB by default, and what every page then uses. */
@WalkRxTest
class ClinicLocaleSettingTest extends SpringBrowserlessTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private String stored(long clinic) {
        return jdbc.sql("select locale from clinic where id = ?").param(clinic).query(String.class).single();
    }

    @Test
    void an_admin_picks_the_locale_from_a_short_list_showing_how_dates_will_read_and_the_next_page_uses_it() {
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        admin.login();
        navigate(ClinicSettingsView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.forLanguageTag("en-GB"));
        @SuppressWarnings("unchecked")
        Select<String> locale = $(Select.class).id("clinic-locale");
        assertThat(locale.getValue()).isEqualTo("en-GB");
        assertThat(ClinicSettingsView.localeLabel("en-GB"))
                .isEqualTo("English (United Kingdom): 29/11/2026, weeks from Monday");
        assertThat(ClinicSettingsView.localeLabel("en-US"))
                .isEqualTo("English (United States): 11/29/2026, weeks from Sunday");

        test(locale).selectItem(ClinicSettingsView.localeLabel("en-US"));
        test($(Button.class).id("save-locale")).click();

        assertThat(stored(clinic)).isEqualTo("en-US");
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'CHANGED_CLINIC_SETTINGS'")
                .param(admin.id()).query(String.class).list()).containsExactly("dates written in en-US (was en-GB)");
        navigate(ClinicSettingsView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.US);
    }

    @Test
    void the_settings_api_reads_and_changes_the_locale_and_refuses_one_not_on_the_list() {
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        Api api = Api.as(port, admin);
        assertThat(api.get("/api/v1/clinic/settings").json().get("locale").asString()).isEqualTo("en-GB");

        for (String bad : new String[]{"\"xx-YY\"", "\"en_GB\"", "\"\"", "\"EN-gb\""}) {
            Api.Reply refused = api.put("/api/v1/clinic/settings", "{\"locale\":" + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.errorFields()).as(bad).containsExactly("locale");
        }
        assertThat(stored(clinic)).isEqualTo("en-GB");

        Api.Reply changed = api.put("/api/v1/clinic/settings", "{\"locale\":\"de-DE\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("locale").asString()).isEqualTo("de-DE");
        assertThat(changed.json().get("staffMfaRequired").asBoolean()).as("untouched").isFalse();
        assertThat(stored(clinic)).isEqualTo("de-DE");
        assertThat(api.put("/api/v1/clinic/settings", "{}").json().get("locale").asString()).isEqualTo("de-DE");
    }

    @Test
    void before_sign_in_pages_are_en_gb_whatever_the_browser_asks_for() {
        navigate(com.walkrx.base.ui.LoginView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.forLanguageTag("en-GB"));
    }
}
