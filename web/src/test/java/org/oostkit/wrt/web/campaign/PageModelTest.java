package org.oostkit.wrt.web.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageModelTest {

    record Page(String title, List<AdminPages.Crumb> crumbs, String error, boolean isAdmin) {
    }

    @Test
    @DisplayName("a page record becomes the model under its component names, null ones left out")
    void attributes() {
        List<AdminPages.Crumb> crumbs = AdminPages.crumbs("/org/demo/manage", "Demo", null, "Rounds");
        assertThat(PageModel.attributes(new Page("Rounds", crumbs, null, true)))
                .containsExactly(org.assertj.core.api.Assertions.entry("title", "Rounds"),
                        org.assertj.core.api.Assertions.entry("crumbs", crumbs),
                        org.assertj.core.api.Assertions.entry("isAdmin", true));
        assertThat(crumbs).containsExactly(new AdminPages.Crumb("Demo", "/org/demo/manage", false),
                new AdminPages.Crumb("Rounds", null, true));
    }
}
