package org.oostkit.wrt.api.nomination;

import org.oostkit.wrt.api.common.TextRule;

/** A person as the nominator typed them in; the name and reason follow {@link TextRule}. */
public record NomineeInput(String name, String email, String reason) {

    public static final int NAME_MAX = TextRule.PERSON_NAME.maxLength();
    public static final int REASON_MAX = TextRule.NOMINATION_REASON.maxLength();
}
