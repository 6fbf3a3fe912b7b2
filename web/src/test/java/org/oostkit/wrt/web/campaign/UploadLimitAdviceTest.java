package org.oostkit.wrt.web.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet container refuses an upload over {@code spring.servlet.multipart.max-file-size} before any
 * controller runs (MockMvc does not enforce that limit, so the advice is exercised directly here).
 */
class UploadLimitAdviceTest {

    @Test
    @DisplayName("an upload over the container's limit gets a 413 page with the limits and the way back")
    void tooLarge() {
        UploadLimitAdvice advice = new UploadLimitAdvice(DataSize.ofMegabytes(2), 10_000);
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/org/demo/campaigns/c0ffee00-0000-4000-8000-000000000002/seed/upload");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = advice.tooLarge(request, response, new TestingAuthenticationToken("admin@demo.org", null));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(page.getViewName()).isEqualTo("campaign/upload-too-large");
        assertThat(page.getModel()).containsEntry("back", "/org/demo/campaigns/c0ffee00-0000-4000-8000-000000000002/seed")
                .containsEntry("message", "The file is larger than 2 MB: nothing was imported. Import at most 10,000 "
                        + "people per file; split a larger list into several files.")
                .containsEntry("signedInAs", "admin@demo.org");
    }
}
