package org.oostkit.wrt.web.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;

import java.util.Map;

import static org.mockito.Mockito.verify;

/** What a mocked {@link ActingCommandGateway} was sent, as the command message the real gateway would dispatch. */
public final class SentCommands {

    private SentCommands() {
    }

    /** The one command sent (fails unless exactly one was), with its actor as metadata. */
    public static CommandMessage<?> only(ActingCommandGateway commands) {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        ArgumentCaptor<String> actor = ArgumentCaptor.forClass(String.class);
        verify(commands).sendAndWait(command.capture(), actor.capture());
        return message(command.getValue(), actor.getValue());
    }

    public static CommandMessage<?> message(Object command, String actor) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actor));
    }
}
