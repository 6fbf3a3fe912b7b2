package org.oostkit.wrt.domain.dataprotection;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept for ever, so a text in one that could say something about a person must be sealed
 * ({@link PersonalData}) to be erasable. Every text component of every event is either marked, or named here
 * with why it says nothing about a person: a new free-text field fails this test until someone decides.
 */
class PersonalDataMarksTest {

    private static final Map<String, String> NOT_PERSONAL = Map.ofEntries(
            Map.entry("CampaignLanguageChanged.language", "a language code"),
            Map.entry("CampaignTimeZoneChanged.timeZone", "a zone id"),
            Map.entry("OrganisationTimeZoneChanged.timeZone", "a zone id"),
            Map.entry("OrganisationLogoChanged.sha256", "a hash of the image"),
            Map.entry("OrganisationRegistered.slug", "the organisation's address"),
            Map.entry("OrganisationRegistered.name", "the organisation's name"),
            Map.entry("OrganisationSuspended.reason", "an operator's note on the organisation"),
            Map.entry("SelectionMailRequested.message", "the admin's message, the same for everyone told at once"),
            Map.entry("PersonToldOfSelection.providerMessageId", "the mail server's message id"),
            Map.entry("MailSent.providerMessageId", "the mail server's message id"),
            Map.entry("DeliveryRecorded.provider", "the mail provider's name"),
            Map.entry("DeliveryRecorded.providerEventKey", "the provider's event id"),
            Map.entry("VerificationCodeIssued.codeHash", "a keyed hash, never the code"),
            Map.entry("InvitationTokenIssued.tokenHash", "a keyed hash, never the token"),
            Map.entry("RoundDeadlinesScheduled.autoCloseId", "the scheduler's id"),
            Map.entry("RoundDeadlinesScheduled.reminderId", "the scheduler's id"));

    @Test
    @DisplayName("every text in an event is sealed as personal data or named as saying nothing about a person")
    void everyTextIsDecidedOn() throws ClassNotFoundException {
        Map<String, String> undecided = new TreeMap<>();
        int sealed = 0;
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                if (!component.getGenericType().getTypeName().contains("String")) {
                    continue;
                }
                String name = event.getSimpleName() + "." + component.getName();
                if (component.isAnnotationPresent(PersonalData.class)) {
                    sealed++;
                    // a sealed value needs a key: the event names whose (a scope, and a subject or the scope's own)
                    assertThat(Arrays.stream(event.getRecordComponents())
                            .anyMatch(c -> c.isAnnotationPresent(EncryptionScope.class)))
                            .as(name + " is sealed with a campaign's key").isTrue();
                } else if (!NOT_PERSONAL.containsKey(name)) {
                    undecided.put(name, component.getGenericType().getTypeName());
                }
            }
        }
        assertThat(undecided).as("texts neither sealed nor named as not personal").isEmpty();
        assertThat(sealed).isGreaterThan(10);
    }

    private static Iterable<Class<?>> events() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        java.util.List<Class<?>> events = new java.util.ArrayList<>();
        for (var definition : scanner.findCandidateComponents("org.oostkit.wrt.api")) {
            events.add(Class.forName(definition.getBeanClassName()));
        }
        assertThat(events).hasSizeGreaterThan(25);
        return events;
    }
}
