package org.oostkit.wrt.adapters.mail;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationLogoChanged;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasEntry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's logo (issue #17): what is not a real, small PNG or JPEG is refused with a reason and nothing
 * stored; a valid one is redrawn, served with safe headers, shown on the nominator's page and embedded (cid:) in
 * the invitation and code mails, and each change is recorded with the admin as actor.
 */
class OrganisationLogoIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Test
    void aValidLogoIsShownAndEmbeddedAndAnythingElseIsRefused() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        String ada = "ada@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String upload = "/org/" + slug + "/settings/logo";
        // the organisation's pages answer 404 until the read model has the new organisation
        await("the organisation projected").atMost(WAIT).until(() -> mvc.perform(get("/org/" + slug + "/settings")
                .with(asAdmin)).andReturn().getResponse().getStatus() == 200);

        // refused, each with its reason, and nothing stored
        Map<String, byte[]> refused = Map.of(
                "is not a PNG or JPEG", "this is text, not a picture".getBytes(StandardCharsets.UTF_8),
                "SVG files are not accepted", ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8),
                "larger than 200 KB", noise(900, 900),
                "larger than 1,000 by 1,000 pixels", png(1200, 20, Color.BLUE));
        for (Map.Entry<String, byte[]> file : refused.entrySet()) {
            String message = (String) ((Map<?, ?>) mvc.perform(multipart(upload)
                            .file(new MockMultipartFile("logo", "logo.png", "image/png", file.getValue()))
                            .with(asAdmin).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("flash", hasEntry("kind", "error")))
                    .andReturn().getFlashMap().get("flash")).get("message");
            assertThat(message).startsWith("The logo was not saved").contains(file.getKey());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM organisation_logo WHERE organisation_id = ?",
                Integer.class, org.value())).isZero();
        assertThat(logoEvents(org)).isEmpty();
        assertThat(mvc.perform(get("/org/" + slug + "/logo.png")).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        // a valid PNG: redrawn 80 px high, recorded by its hash with the admin as actor
        mvc.perform(multipart(upload).file(new MockMultipartFile("logo", "acme.png", "image/png",
                        png(300, 120, new Color(0x0b, 0x5c, 0xad)))).with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", hasEntry("kind", "ok")));
        String sha = jdbc.queryForObject("SELECT sha256 FROM organisation_logo WHERE organisation_id = ?",
                String.class, org.value());
        assertThat(events().messages(OrganisationLogoChanged.class).stream()
                .filter(m -> ((OrganisationLogoChanged) m.getPayload()).organisationId().equals(org)))
                .singleElement().satisfies(m -> {
                    assertThat(((OrganisationLogoChanged) m.getPayload()).sha256()).isEqualTo(sha).hasSize(64);
                    assertThat(m.getMetaData().get(Actor.METADATA_KEY)).isEqualTo("admin:" + admin);
                });

        // served to anyone, as a PNG that cannot be sniffed into anything else
        MockHttpServletResponse served = mvc.perform(get("/org/" + slug + "/logo.png")).andReturn().getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/png");
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeader("Cache-Control")).contains("max-age=86400").contains("public");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(served.getContentAsByteArray()));
        assertThat(drawn.getHeight()).isEqualTo(80);
        assertThat(drawn.getWidth()).isEqualTo(200);
        assertThat(mvc.perform(get("/org/" + slug + "/settings").with(asAdmin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("/org/" + slug + "/logo.png?v&#x3D;" + sha.substring(0, 16));

        // the invitation embeds it; the nominator's page shows it
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ada", ada);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        await("the invitation").atMost(WAIT).until(() -> SMTP.to(ada).size() == 1);
        MimeMessage invitation = SMTP.to(ada).get(0);
        List<Part> parts = parts(invitation);
        assertThat(parts).anyMatch(part -> is(part, "multipart/related"));
        assertThat(parts).filteredOn(part -> is(part, "image/png")).singleElement().satisfies(part -> {
            assertThat(((jakarta.mail.internet.MimePart) part).getContentID()).isEqualTo("<logo>");
            assertThat(part.getInputStream().readAllBytes()).isEqualTo(served.getContentAsByteArray());
        });
        assertThat(SmtpServer.html(invitation)).contains("src=\"cid:logo\"").doesNotContain("logo.png");
        String token = token(SmtpServer.text(invitation), slug);
        await("the nominator's page").atMost(WAIT).until(() -> mvc.perform(get("/org/" + slug + "/nominate/" + token))
                .andReturn().getResponse().getStatus() == 200);
        assertThat(mvc.perform(get("/org/" + slug + "/nominate/" + token)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("<img class=\"org-logo\" src=\"/org/" + slug + "/logo.png?v&#x3D;" + sha.substring(0, 16)
                        + "\"");

        // the admin's preview of the mails shows it too, from a data address (the preview frame allows no other)
        assertThat(mvc.perform(get("/org/" + slug + "/campaigns/" + campaign.value() + "/mail-preview/invitation.html")
                .with(asAdmin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("src=\"data:image/png;base64,").doesNotContain("<!--wrt:logo-->");

        // so does the code mail the nominator asks for next
        mvc.perform(post("/org/" + slug + "/nominate/request-link").with(csrf()).param("token", token)
                .param("email", ada)).andExpect(status().is3xxRedirection());
        await("the code mail").atMost(WAIT).until(() -> SMTP.to(ada).size() == 2);
        assertThat(parts(SMTP.to(ada).get(1))).filteredOn(part -> is(part, "image/png")).hasSize(1);
        assertThat(SmtpServer.html(SMTP.to(ada).get(1))).contains("src=\"cid:logo\"");

        // removed: gone from the address, recorded with no hash
        mvc.perform(post(upload + "/remove").with(asAdmin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/org/" + slug + "/logo.png")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(logoEvents(org)).extracting(OrganisationLogoChanged::sha256).containsExactly(sha, null);
    }

    private List<OrganisationLogoChanged> logoEvents(OrganisationId org) {
        return events().payloads(OrganisationLogoChanged.class, e -> e.organisationId().equals(org));
    }

    private static boolean is(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> all = new ArrayList<>();
        all.add(part);
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.addAll(parts(multipart.getBodyPart(i)));
            }
        }
        return all;
    }

    private static byte[] png(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return encode(image);
    }

    /** Random pixels: a PNG that cannot compress below the limit. */
    private static byte[] noise(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(17);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image);
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
