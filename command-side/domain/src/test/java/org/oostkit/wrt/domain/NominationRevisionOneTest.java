package org.oostkit.wrt.domain;

import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.domain.infrastructure.CommandSideConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nominations stored before "no one to suggest" existed (revision 1, without the field) still read, as
 * lists that are not that answer: an empty list of old was an empty save, not a real answer.
 */
class NominationRevisionOneTest {

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(CommandSideConfiguration.messageObjectMapper()).build();

    @Test
    void aRevisionOneSubmissionReadsAsNoAnswerWhenEmpty() throws IOException {
        NominationSubmitted event = read(NominationSubmitted.class);
        assertThat(event.nominees()).isEmpty();
        assertThat(event.noOneToSuggest()).isFalse();
        assertThat(event.answered()).isFalse();
        assertThat(event.roundNumber()).isEqualTo(1);
    }

    @Test
    void aRevisionOneRevisionReadsTheSameWay() throws IOException {
        NominationRevised event = read(NominationRevised.class);
        assertThat(event.noOneToSuggest()).isFalse();
        assertThat(event.answered()).isFalse();
    }

    private <T> T read(Class<T> type) throws IOException {
        byte[] json;
        try (InputStream in = getClass().getResourceAsStream("/events/NominationSubmitted-1.json")) {
            json = in.readAllBytes();
        }
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(json, byte[].class,
                new SimpleSerializedType(type.getName(), "1"));
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("noOneToSuggest");
        return serializer.deserialize(stored);
    }
}
