package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundle (vaadin-i18n/translations.properties) holds every key the code asks for, and each text
 * reads as written: a text with a parameter is a valid MessageFormat, one without is shown as it stands.
 */
class TranslationsTest {

    /** getTranslation("key" ...), I18NProvider.translate("key" ...) and the views' t("key" ...) helpers. */
    static final Pattern USE = Pattern.compile("(?:getTranslation|translate|\\bt)\\(\\s*\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");

    static Properties bundle() {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Set<String> keysUsedInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void every_key_the_code_asks_for_is_in_the_bundle() throws IOException {
        Set<String> used = keysUsedInCode();
        assertThat(used).as("the scan finds the keys").hasSizeGreaterThan(50);
        assertThat(bundle().stringPropertyNames()).containsAll(used);
        // Keys built from an enum's name.
        for (var status : com.walkrx.base.clinical.PlanStatus.values()) {
            assertThat(bundle().getProperty("plan.status." + status.name())).isNotBlank();
        }
    }

    @Test
    void texts_with_parameters_are_valid_message_formats_and_texts_without_show_as_written() {
        Properties p = bundle();
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            if (text.contains("{0}")) {
                assertThatCode(() -> new MessageFormat(text, Locale.UK)).as(key).doesNotThrowAnyException();
                assertThat(new MessageFormat(text, Locale.UK).format(new Object[]{"X", "Y", "Z"}))
                        .as(key + ": an apostrophe in a text with a parameter is written ''").doesNotContain("{");
            } else {
                assertThat(text).as(key + ": shown as it stands, so one apostrophe").doesNotContain("''");
            }
        }
    }
}
