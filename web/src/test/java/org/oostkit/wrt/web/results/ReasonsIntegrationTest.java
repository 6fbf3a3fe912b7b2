package org.oostkit.wrt.web.results;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.web.support.Scenario;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reasons nominators give reach those who decide, on PostgreSQL end to end: the results page, the
 * round page, the CSV, the PDF and the audit trail show them to admins and auditors alike, and a person's
 * erasure takes them away like the names.
 */
class ReasonsIntegrationTest extends WebIntegrationTestSupport {

    private static final String YARA = "yara.voss@reasons.test";
    private static final String WIM = "wim.dekker@reasons.test";
    private static final String XAVI = "xavi.wendt@reasons.test";
    private static final String ABOUT_XAVI = "chaired the north estate pilot";
    private static final String ALSO_ABOUT_XAVI = "keeps the residents minutes";
    private static final String ABOUT_UMA = "organised the food bank rota";
    private static final String AUDITOR = "auditor@reasons.test";

    private RequestPostProcessor as(String email, String authority) {
        return SecurityMockMvcRequestPostProcessors.user(email).authorities(new SimpleGrantedAuthority(authority));
    }

    @Test
    @DisplayName("a reason shows on the results and round pages, in the CSV, PDF and audit trail for admins and "
            + "auditors, and is gone after the erasure of the person it is about or of the one who gave it")
    void reasonsWhereDecisionsAreMade() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@reasons.test",
                "Yara Voss", YARA, "Wim Dekker", WIM);
        RoundId round = s.startRound();
        s.nominate(round, YARA, new NomineeInput("Xavi Wendt", XAVI, ABOUT_XAVI),
                new NomineeInput("Uma Brandt", "uma.brandt@reasons.test", ABOUT_UMA));
        s.nominate(round, WIM, new NomineeInput("Xavi Wendt", XAVI, ALSO_ABOUT_XAVI),
                new NomineeInput("Tess Ruiz", "tess.ruiz@reasons.test", ""));
        awaitProjections();
        String base = "/org/" + s.slug + "/campaigns/" + s.campaign;
        List<RequestPostProcessor> readers = List.of(as(s.adminEmail, "org:" + s.slug + ":admin"),
                as(AUDITOR, "org:" + s.slug + ":auditor"));

        for (RequestPostProcessor reader : readers) {
            String results = page(base + "/results", reader);
            assertThat(results).contains("Named by", "Yara Voss", ABOUT_XAVI, "Wim Dekker", ALSO_ABOUT_XAVI,
                    ABOUT_UMA, "no reason given");
            assertThat(page(base + "/rounds/1", reader)).contains("Whom they named", ABOUT_XAVI, ABOUT_UMA);
            String csv = streamed(base + "/export/csv", reader);
            assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",Reasons");
            assertThat(csv).contains("\"Wim Dekker: " + ALSO_ABOUT_XAVI + "\nYara Voss: " + ABOUT_XAVI + "\"",
                    "Yara Voss: " + ABOUT_UMA);
            String pdf = pdfText(base + "/export/pdf", reader);
            assertThat(pdf).contains("Yara Voss (round 1): " + ABOUT_XAVI, "Wim Dekker (round 1): " + ALSO_ABOUT_XAVI);
            assertThat(streamed(base + "/audit/export", reader)).contains(ABOUT_XAVI, ALSO_ABOUT_XAVI, ABOUT_UMA)
                    .contains("nominated 2 people: Xavi Wendt <" + XAVI + "> (reason: \u201c" + ABOUT_XAVI);
        }

        erase(s, XAVI);
        erase(s, YARA);

        for (RequestPostProcessor reader : readers) {
            String results = page(base + "/results", reader);
            assertThat(results).contains("Named by").doesNotContain(ABOUT_XAVI, ALSO_ABOUT_XAVI, ABOUT_UMA);
            assertThat(page(base + "/rounds/1", reader)).contains("Whom they named")
                    .doesNotContain(ABOUT_XAVI, ALSO_ABOUT_XAVI, ABOUT_UMA);
            assertThat(streamed(base + "/export/csv", reader)).doesNotContain(ABOUT_XAVI, ALSO_ABOUT_XAVI, ABOUT_UMA);
            assertThat(pdfText(base + "/export/pdf", reader)).doesNotContain(ABOUT_XAVI, ALSO_ABOUT_XAVI, ABOUT_UMA);
            // the history holds each reason under the key of the person it is about (see README: erasure)
            assertThat(streamed(base + "/audit/export", reader)).doesNotContain(ABOUT_XAVI, ALSO_ABOUT_XAVI, XAVI);
        }
    }

    private void erase(Scenario s, String email) throws Exception {
        mvc.perform(post("/org/" + s.slug + "/campaigns/" + s.campaign + "/people/erase")
                        .param("email", email).param("confirm", "true")
                        .with(as(s.adminEmail, "org:" + s.slug + ":admin")).with(csrf()))
                .andExpect(status().isFound());
        awaitProjections();
    }

    private String page(String url, RequestPostProcessor reader) throws Exception {
        return mvc.perform(get(url).with(reader)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] bytes(String url, RequestPostProcessor reader) throws Exception {
        MvcResult started = mvc.perform(get(url).with(reader)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private String streamed(String url, RequestPostProcessor reader) throws Exception {
        return new String(bytes(url, reader), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private String pdfText(String url, RequestPostProcessor reader) throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes(url, reader))))) {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(i))).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
