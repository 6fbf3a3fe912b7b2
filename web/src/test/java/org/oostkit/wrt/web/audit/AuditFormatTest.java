package org.oostkit.wrt.web.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFormatTest {

    @Test
    void eventTypesReadAsPhrases() {
        assertThat(AuditFormat.label("NominationSubmitted")).isEqualTo("Nomination submitted");
        assertThat(AuditFormat.label("PersonNominatedIntoCampaign")).isEqualTo("Person nominated into campaign");
        assertThat(AuditFormat.label("CampaignCreated")).isEqualTo("Campaign created");
        assertThat(AuditFormat.label("Round2Closed")).isEqualTo("Round2 closed");
        assertThat(AuditFormat.label("")).isEmpty();
    }
}
