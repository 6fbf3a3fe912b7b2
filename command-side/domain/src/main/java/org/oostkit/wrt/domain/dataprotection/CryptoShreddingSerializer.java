package org.oostkit.wrt.domain.dataprotection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.oostkit.wrt.api.common.Actor;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The event serializer: Jackson, with every {@code @PersonalData} value encrypted on the way into the
 * event store and decrypted on the way out (crypto-shredding). Messages without personal data pass
 * straight through. In metadata, the email of an {@code admin:} actor is encrypted with the tenant's key.
 * <p>
 * Upcasters see the stored form (ciphertext for personal values), so they never need keys.
 */
public class CryptoShreddingSerializer implements Serializer {

    private static final String ADMIN = "admin:";

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataCipher cipher;

    public CryptoShreddingSerializer(JacksonSerializer delegate, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.cipher = cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof MetaData metaData) {
            return delegate.serialize(sealActor(metaData), expectedRepresentation);
        }
        if (object == null) {
            return delegate.serialize(null, expectedRepresentation);
        }
        PersonalDataPlan plan = PersonalDataPlan.of(object.getClass());
        if (plan.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        try {
            JsonNode tree = mapper.valueToTree(object);
            seal(tree, plan, null, null);
            byte[] bytes = mapper.writeValueAsBytes(tree);
            SerializedType type = delegate.typeForClass(object.getClass());
            SimpleSerializedObject<byte[]> serialized = new SimpleSerializedObject<>(bytes, byte[].class, type);
            return getConverter().convert(serialized, expectedRepresentation);
        } catch (IOException e) {
            throw new SerializationException("could not serialize " + object.getClass().getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (MetaData.class.equals(type)) {
            return (T) openActor(delegate.deserialize(serializedObject));
        }
        // only the components the type declares personal are opened: any other text, whatever it looks
        // like (an invitation text that happens to start with the prefix), is left as it is
        PersonalDataPlan plan = PersonalDataPlan.of(type);
        if (plan.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        SerializedObject<JsonNode> tree = getConverter().convert(serializedObject, JsonNode.class);
        JsonNode copy = tree.getData().deepCopy();
        open(copy, plan);
        return delegate.deserialize(new SimpleSerializedObject<>(copy, JsonNode.class, serializedObject.getType()));
    }

    private void seal(JsonNode node, PersonalDataPlan plan, UUID scope, UUID subject) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (plan.scope() != null && object.hasNonNull(plan.scope())) {
            scope = UUID.fromString(object.get(plan.scope()).asText());
        }
        if (plan.subject() != null && object.hasNonNull(plan.subject())) {
            subject = UUID.fromString(object.get(plan.subject()).asText());
        }
        for (String field : plan.personal()) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (scope == null) {
                throw new IllegalStateException("personal data without an @EncryptionScope in " + plan);
            }
            if (value.isTextual()) {
                object.put(field, cipher.encrypt(scope, subject, value.asText()));
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual()) {
                        array.set(i, TextNode.valueOf(cipher.encrypt(scope, subject, array.get(i).asText())));
                    }
                }
            }
        }
        for (Map.Entry<String, PersonalDataPlan> entry : plan.nested().entrySet()) {
            JsonNode value = object.get(entry.getKey());
            if (value instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    seal(element, entry.getValue(), scope, subject);
                }
            } else if (value != null) {
                seal(value, entry.getValue(), scope, subject);
            }
        }
    }

    /** Replaces the sealed personal values of the tree by their plaintext (or the erased marker). */
    private void open(JsonNode node, PersonalDataPlan plan) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String field : plan.personal()) {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual()) {
                object.put(field, cipher.decrypt(value.asText()));
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual()) {
                        array.set(i, TextNode.valueOf(cipher.decrypt(array.get(i).asText())));
                    }
                }
            }
        }
        for (Map.Entry<String, PersonalDataPlan> entry : plan.nested().entrySet()) {
            JsonNode value = object.get(entry.getKey());
            if (value instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    open(element, entry.getValue());
                }
            } else if (value != null) {
                open(value, entry.getValue());
            }
        }
    }

    private MetaData sealActor(MetaData metaData) {
        Object actor = metaData.get(Actor.METADATA_KEY);
        Object tenant = metaData.get(Actor.TENANT_KEY);
        if (actor instanceof String text && text.startsWith(ADMIN) && tenant != null
                && !PersonalDataCipher.isSealed(text.substring(ADMIN.length()))) {
            UUID scope = UUID.fromString(tenant.toString());
            Map<String, Object> copy = new HashMap<>(metaData);
            copy.put(Actor.METADATA_KEY, ADMIN + cipher.encrypt(scope, null, text.substring(ADMIN.length())));
            return MetaData.from(copy);
        }
        return metaData;
    }

    private MetaData openActor(MetaData metaData) {
        Object actor = metaData.get(Actor.METADATA_KEY);
        if (actor instanceof String text && text.startsWith(ADMIN)
                && PersonalDataCipher.isSealed(text.substring(ADMIN.length()))) {
            return metaData.and(Actor.METADATA_KEY, ADMIN + cipher.decrypt(text.substring(ADMIN.length())));
        }
        return metaData;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
