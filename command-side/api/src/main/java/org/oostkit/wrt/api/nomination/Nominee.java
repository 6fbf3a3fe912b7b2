package org.oostkit.wrt.api.nomination;

import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.PersonalData;

/** A person named in a nomination, with the (optional) reason the nominator gave. */
public record Nominee(@DataSubject PersonId personId,
                      @PersonalData String name,
                      @PersonalData String email,
                      @PersonalData String reason) {
}
