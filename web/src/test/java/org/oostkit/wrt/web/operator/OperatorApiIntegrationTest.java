package org.oostkit.wrt.web.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator API on the real application: bearer key, registration, conflicts, validation, status changes. */
class OperatorApiIntegrationTest extends WebIntegrationTestSupport {

    private static final String BEARER = "Bearer " + OPERATOR_KEY;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void withoutTheRightKeyNothingHappens() throws Exception {
        mvc.perform(get("/api/operator/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/operator/organisations").header("Authorization", "Bearer wrong"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/operator/organisations").header("Authorization", "Basic " + OPERATOR_KEY))
                .andExpect(status().isUnauthorized());
        String slug = uniqueSlug("nokey");
        mvc.perform(post("/api/operator/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(slug, "No key", "admin@example.org")))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM organisation_directory WHERE slug = ?", Integer.class, slug))
                .isZero();
    }

    @Test
    void registersListsSuspendsAndActivatesAnOrganisation() throws Exception {
        String slug = uniqueSlug("acme");
        String created = mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"" + slug + "\",\"name\":\"Acme\",\"adminEmails\":[\" Boss@Acme.org \"],"
                                + "\"auditorEmails\":[\"audit@acme.org\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/operator/organisations/" + slug))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();

        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ?", slug);
        JsonNode list = json.readTree(mvc.perform(get("/api/operator/organisations").header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode acme = null;
        for (JsonNode organisation : list) {
            if (slug.equals(organisation.get("slug").asText())) {
                acme = organisation;
            }
        }
        assertThat(acme).isNotNull();
        assertThat(acme.get("id").asText()).isEqualTo(id);
        assertThat(acme.get("status").asText()).isEqualTo("active");
        assertThat(acme.get("adminEmails").get(0).asText()).isEqualTo("boss@acme.org");
        assertThat(acme.get("auditorEmails").get(0).asText()).isEqualTo("audit@acme.org");
        assertThat(acme.get("timeZone").asText()).as("no zone given: the configured default").isEqualTo("UTC");

        mvc.perform(post("/api/operator/organisations/" + slug + "/suspend").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"unpaid\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("suspended"));
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND status = 'SUSPENDED'", slug);

        mvc.perform(post("/api/operator/organisations/" + slug + "/activate").header("Authorization", BEARER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("active"));
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND status = 'ACTIVE'", slug);

        String actor = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, id);
        assertThat(actor).contains("\"actor\":\"operator\"");
    }

    @Test
    void aTakenSlugIsAConflict() throws Exception {
        String slug = uniqueSlug("taken");
        mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content(body(slug, "First", "a@example.org")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content(body(slug, "Second", "b@example.org")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(slug)));
    }

    @Test
    void badInputIsAProblemWithFieldErrors() throws Exception {
        mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"Not A Slug\",\"name\":\"\",\"adminEmails\":[],\"auditorEmails\":[\"nope\"],"
                                + "\"timeZone\":\"Mars/Olympus_Mons\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.slug").exists())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.adminEmails").exists())
                .andExpect(jsonPath("$.errors.auditorEmails").value(containsString("nope")))
                .andExpect(jsonPath("$.errors.timeZone").value(containsString("Mars/Olympus_Mons")));
        mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aNameOrAddressWithControlCharactersIsAProblemAndNothingIsRegistered() throws Exception {
        String slug = "ctl-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"Ac\\u0000me", "Ac\\r\\nme", "Acme\\u202e"}) {
            mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                            .contentType(MediaType.APPLICATION_JSON).content(body(slug, name, "admin@example.org")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.name").value(containsString("which is not allowed")));
        }
        mvc.perform(post("/api/operator/organisations").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content(body(slug, "Acme", "ad\\u0000min@example.org")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.adminEmails").value("'ad<U+0000>min@example.org' is not a valid email "
                        + "address."));
        mvc.perform(get("/api/operator/organisations").header("Authorization", BEARER))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(slug))));
    }

    @Test
    void anUnknownSlugIsNotFound() throws Exception {
        mvc.perform(post("/api/operator/organisations/no-such-org-here/suspend").header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static String body(String slug, String name, String admin) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"adminEmails\":[\"" + admin + "\"],\"auditorEmails\":[]}";
    }
}
