package org.oostkit.wrt.web.mail;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With an SMTP host configured, there is no dev mailbox page at all. */
@WebMvcTest(controllers = DevMailController.class, properties = "wrt.mail.smtp.host=smtp.example.org")
@Import({SecurityConfiguration.class, DevMailControllerTest.Mailbox.class})
class DevMailAbsentWithSmtpTest {

    @Autowired
    MockMvc mvc;

    @Test
    void isNotThere() throws Exception {
        mvc.perform(get("/dev/mail")).andExpect(status().isNotFound());
    }
}
