package org.oostkit.wrt.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.results.NetworkSamples;
import org.openqa.selenium.JavascriptExecutor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network drawing's groups in a real browser: axe finds nothing serious, and every group colour stands out. */
class NetworkGroupsAccessibilityTest {

    private static Browser browser;

    @BeforeAll
    static void open() throws Exception {
        browser = Browser.open("about:blank", "network-groups", Browser.DESKTOP_WIDTH,
                Files.createTempDirectory("wrt-network-"));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    /** Per group class: the dot's fill in the drawing, the same in the legend, and its contrast with white. */
    private static final String FILLS = """
            function rgb(c) { return c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number); }
            function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
            function ch(v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            var out = {};
            document.querySelectorAll('svg.network.columns a.node .dot, .network-legend .dot').forEach(function (dot) {
              var css = Array.from(dot.closest('.node').classList)
                .find(function (c) { return c.startsWith('group-'); });
              var style = getComputedStyle(dot);
              var paint = css === 'group-other' ? style.stroke : style.fill;
              var key = css + (dot.closest('.network-legend') ? ' legend' : ' drawing');
              out[key] = paint + ' ' + ((1.05) / (lum(rgb(paint)) + 0.05)).toFixed(2);
            });
            return out;
            """;

    @Test
    @DisplayName("the drawing with ten groups and its legend pass axe; each group's colour is its own, the same in "
            + "the legend, and at least 3:1 against white")
    void groups() {
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(NetworkSamples.page(),
                StandardCharsets.UTF_8).replace("+", "%20"));
        Accessibility.assertNoSeriousViolations(browser.driver(), "network groups");

        @SuppressWarnings("unchecked")
        Map<String, String> fills = (Map<String, String>) ((JavascriptExecutor) browser.driver()).executeScript(FILLS);
        List<String> styled = List.of("group-1", "group-2", "group-3", "group-4", "group-5", "group-6", "group-7",
                "group-8", "group-other");
        for (String group : styled) {
            String drawing = fills.get(group + " drawing");
            assertThat(drawing).as(group + " in the drawing").isNotNull();
            assertThat(fills.get(group + " legend")).as(group + " in the legend").isEqualTo(drawing);
            assertThat(Double.parseDouble(drawing.substring(drawing.lastIndexOf(' ') + 1)))
                    .as(group + " contrast with white").isGreaterThanOrEqualTo(3.0);
        }
        assertThat(styled.stream().map(g -> fills.get(g + " drawing").substring(0, fills.get(g + " drawing")
                .lastIndexOf(' '))).distinct()).as("a colour per group").hasSize(styled.size());
    }
}
