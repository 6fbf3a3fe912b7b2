package org.oostkit.wrt.domain.dataprotection;

import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a message type keeps its personal data, read once from the annotations of its record components:
 * the scope component, the subject component, the personal components, and nested records (or lists of
 * records) that have personal data of their own. Property names are the component names, as Jackson
 * writes records.
 */
record PersonalDataPlan(String scope, String subject, List<String> personal, Map<String, PersonalDataPlan> nested) {

    static final PersonalDataPlan NONE = new PersonalDataPlan(null, null, List.of(), Map.of());

    private static final Map<Class<?>, PersonalDataPlan> PLANS = new ConcurrentHashMap<>();

    boolean isEmpty() {
        return personal.isEmpty() && nested.isEmpty();
    }

    static PersonalDataPlan of(Class<?> type) {
        PersonalDataPlan plan = PLANS.get(type);
        if (plan == null) {
            plan = build(type); // not inside computeIfAbsent: building recurses into nested types
            PLANS.putIfAbsent(type, plan);
        }
        return plan;
    }

    private static PersonalDataPlan build(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        String scope = null;
        String subject = null;
        List<String> personal = new ArrayList<>();
        Map<String, PersonalDataPlan> nested = new java.util.LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(EncryptionScope.class)) {
                scope = component.getName();
            }
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
                continue;
            }
            Class<?> element = elementType(component);
            if (element != null && element.isRecord() && element != type) {
                PersonalDataPlan inner = of(element);
                if (!inner.isEmpty()) {
                    nested.put(component.getName(), inner);
                }
            }
        }
        if (personal.isEmpty() && nested.isEmpty()) {
            return NONE;
        }
        return new PersonalDataPlan(scope, subject, List.copyOf(personal), Map.copyOf(nested));
    }

    /** The record type of a component, or of the elements of a list component. */
    private static Class<?> elementType(RecordComponent component) {
        if (List.class.isAssignableFrom(component.getType())) {
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
                return argument;
            }
            return null;
        }
        return component.getType();
    }
}
