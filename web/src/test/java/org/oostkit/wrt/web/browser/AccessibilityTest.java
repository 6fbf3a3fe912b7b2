package org.oostkit.wrt.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The axe-core check itself: it finds what it should on a page built to fail, and passes a sound one. */
class AccessibilityTest {

    private static Browser browser;

    @BeforeAll
    static void open() throws Exception {
        browser = Browser.open("about:blank", "axe", Browser.PHONE_WIDTH, Files.createTempDirectory("wrt-axe-"));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void reportsRuleHelpAndElementOfEverySeriousViolation() {
        show("<main><h1>Broken</h1><p style='color:#bbb;background:#fff'>Pale grey on white</p>"
                + "<input id='nameless' type='text'><a href='/x'><img src='x.png'></a>"
                + "<div id='wide' style='overflow-x:auto;width:100px'><table><tr><td>"
                + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</td></tr></table></div>"
                + "</main>");

        assertThat(Accessibility.seriousViolations(browser.driver(), "broken page"))
                .anySatisfy(found -> assertThat(found).contains("serious color-contrast").contains("contrast")
                        .contains("broken page"))
                .anySatisfy(found -> assertThat(found).contains("critical label").contains("#nameless"))
                .anySatisfy(found -> assertThat(found).contains("link-name"))
                .anySatisfy(found -> assertThat(found).contains("scrollable-region-focusable").contains("#wide"));
        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser.driver(), "broken page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("color-contrast");
    }

    @Test
    void passesASoundPage() {
        show("<header><a href='/'>Home</a></header><main><h1>Sound</h1><p>Dark on white</p>"
                + "<label for='name'>Name</label><input id='name' type='text'>"
                + "<div style='overflow-x:auto;width:100px' tabindex='0' role='region' aria-label='Wide, table'>"
                + "<table><tr><td>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</td></tr></table>"
                + "</div></main>");

        Accessibility.assertNoSeriousViolations(browser.driver(), "sound page");
    }

    private static void show(String body) {
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode("<!doctype html><html lang='en'><head>"
                + "<title>Test</title></head><body>" + body + "</body></html>", StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }
}
