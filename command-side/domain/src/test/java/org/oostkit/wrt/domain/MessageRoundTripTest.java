package org.oostkit.wrt.domain;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.oostkit.wrt.domain.infrastructure.CommandSideConfiguration;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the published language survives a JSON round trip through Axon's Jackson serializer as
 * configured for WRT, and every event carries a revision (so upcasters can be added when one changes).
 */
class MessageRoundTripTest {

    private static final String API = "org.oostkit.wrt.api";
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(CommandSideConfiguration.messageObjectMapper()).build();

    /** Events changed since they were first written, with their current revision. */
    private static final java.util.Map<Class<?>, String> REVISED = java.util.Map.of(
            org.oostkit.wrt.api.nomination.NominationSubmitted.class, "2",
            org.oostkit.wrt.api.nomination.NominationRevised.class, "2");

    @TestFactory
    Stream<DynamicTest> everyEventRoundTrips() {
        List<Class<?>> events = types(new AnnotationTypeFilter(Revision.class));
        assertThat(events).hasSizeGreaterThan(25);
        return events.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            assertThat(type.isRecord()).as("events are records").isTrue();
            assertThat(type.getAnnotation(Revision.class).value()).isEqualTo(REVISED.getOrDefault(type, "1"));
            roundTrip(type);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRoundTrips() {
        List<Class<?>> commands = types(new AssignableTypeFilter(Record.class)).stream()
                .filter(type -> type.getEnclosingClass() != null && type.getEnclosingClass().getSimpleName().endsWith("Commands"))
                .toList();
        assertThat(commands).hasSizeGreaterThan(15);
        return commands.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> roundTrip(type)));
    }

    private void roundTrip(Class<?> type) {
        Object sample = sample(type, type);
        SerializedObject<byte[]> serialized = serializer.serialize(sample, byte[].class);
        assertThat(serialized.getType().getName()).isEqualTo(type.getName());
        Object back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(sample);
    }

    private static List<Class<?>> types(org.springframework.core.type.filter.TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scanner.addIncludeFilter(filter);
        List<Class<?>> found = new java.util.ArrayList<>();
        for (var definition : scanner.findCandidateComponents(API)) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.isRecord()) {
                    found.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** A value of the given type with every component filled in. */
    private static Object sample(Type generic, Class<?> type) {
        if (type == String.class) {
            return "text-" + UUID.randomUUID().toString().substring(0, 4);
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-22T10:15:30.123Z");
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(10);
        }
        if (type == java.time.Period.class) {
            return java.time.Period.ofMonths(24);
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object value = sample(element, (Class<?>) element);
            return type == List.class ? List.of(value) : Set.of(value);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getGenericType(), components[i].getType());
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + type.getName(), e);
            }
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
