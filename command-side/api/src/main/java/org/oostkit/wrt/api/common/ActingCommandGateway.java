package org.oostkit.wrt.api.common;

import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The one way to send a command on someone's behalf: the actor travels as the {@value Actor#METADATA_KEY}
 * metadata entry that the audit trail reads. Axon builds the implementation (see the command side's configuration).
 */
public interface ActingCommandGateway {

    /** Sends the command as {@code actor} (an {@link Actor#value()}) and answers its result; a refused command throws. */
    <R> R sendAndWait(Object command, @MetaDataValue(Actor.METADATA_KEY) String actor);
}
