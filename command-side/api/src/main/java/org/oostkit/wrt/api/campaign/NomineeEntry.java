package org.oostkit.wrt.api.campaign;

import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.PersonalData;

/** A person named in a nomination, on their way into the campaign roster. */
public record NomineeEntry(@DataSubject PersonId personId, @PersonalData String name, @PersonalData String email) {
}
