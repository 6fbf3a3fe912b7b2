package org.oostkit.wrt.web.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deque's axe-core, run inside the real browser on the page as it stands: the script comes from the
 * {@code com.deque.html.axe-core:selenium} test jar (only its bundled {@code axe.min.js} is used), is injected
 * with Selenium and run with axe's default rules. Serious and critical violations fail.
 */
final class Accessibility {

    private static final String AXE = load();

    /** Runs axe and hands the serious and critical violations back as plain data (Selenium maps the JSON). */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (results) {
              done(results.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(function (n) {
                      return {target: JSON.stringify(n.target), summary: n.failureSummary || ''};
                    })};
                }));
            }).catch(function (e) { done('axe failed: ' + e); });
            """;

    private Accessibility() {
    }

    /** Fails with every serious or critical violation of the current page: rule, help and the elements. */
    static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<String> found = seriousViolations(driver, page);
        if (!found.isEmpty()) {
            throw new AssertionError(String.join("\n", found));
        }
    }

    /** One readable line block per serious or critical violation of the current page; empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object answer = js.executeAsyncScript(RUN);
        if (!(answer instanceof List<?> violations)) {
            throw new AssertionError(page + ": " + answer);
        }
        List<String> found = new ArrayList<>();
        for (Object each : violations) {
            Map<String, Object> violation = (Map<String, Object>) each;
            StringBuilder text = new StringBuilder()
                    .append(page).append(" (").append(driver.getCurrentUrl()).append("): ")
                    .append(violation.get("impact")).append(' ').append(violation.get("id"))
                    .append(" — ").append(violation.get("help")).append(" <").append(violation.get("helpUrl"))
                    .append('>');
            for (Object node : (List<Object>) violation.get("nodes")) {
                Map<String, Object> element = (Map<String, Object>) node;
                text.append("\n    ").append(element.get("target")).append(": ")
                        .append(Objects.toString(element.get("summary"), "").replace("\n", " "));
            }
            found.add(text.toString());
        }
        return found;
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path "
                        + "(test dependency com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
