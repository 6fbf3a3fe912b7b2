package org.oostkit.wrt.web.i18n;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.EraseCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.campaign.Campaign;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.satisfying;

/**
 * Refusals from the command side in the admin's language (issue #17): every {@link Rule} has a sentence in
 * both admin bundles, and the violations the aggregates throw fit their patterns (same number of values, and
 * the English pattern says what the domain's own message says).
 */
class RefusalsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND_1 = RoundId.random();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();

    private AggregateTestFixture<Campaign> fixture;
    private InMemoryRoundDirectory rounds;
    private final List<RuleViolation> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        rounds = new InMemoryRoundDirectory();
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().with(ORG, OrganisationStatus.ACTIVE));
        fixture.registerInjectableResource(rounds);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(fixtureClock(fixture));
        fixture.givenCurrentTime(T0);
    }

    @Test
    @DisplayName("every rule has a sentence in English and in Dutch, with the same values")
    void everyRuleHasKeys() throws IOException {
        Properties english = AdminTextsTest.bundle("");
        Properties dutch = AdminTextsTest.bundle("_nl");
        for (Rule rule : Rule.values()) {
            assertThat(english.stringPropertyNames()).as("English").contains("rule." + rule.code());
            assertThat(dutch.stringPropertyNames()).as("Dutch").contains("rule." + rule.code());
        }
        Set<String> codes = Arrays.stream(Rule.values()).map(Rule::code).collect(Collectors.toSet());
        for (String key : english.stringPropertyNames().stream().filter(k -> k.startsWith("rule.")).toList()) {
            assertThat(codes).as(key + " names a rule").contains(key.split("\\.")[1]);
            assertThat(values(dutch.getProperty(key))).as(key).isEqualTo(values(english.getProperty(key)));
        }
    }

    @Test
    @DisplayName("the campaign's refusals read in English as the domain words them, and in Dutch")
    void campaignRefusals() {
        rounds.open(ROUND_1, 1);
        fixture.given(created(), seed("alice@example.org"), contacted())
                .when(new StartRound(CAMPAIGN, ORG, RoundId.random(), T0.plus(Duration.ofDays(14)), false, 0))
                .expectException(satisfying(this::fits));
        fixture.given(created(), seed("alice@example.org"), contacted())
                .when(new CompleteCampaign(CAMPAIGN, ORG))
                .expectException(satisfying(this::fits));
        fixture.given(created(), seed("alice@example.org"), contacted())
                .when(new EraseCampaign(CAMPAIGN, ORG))
                .expectException(satisfying(this::fits));
        fixture.given(created(), seed("alice@example.org"), contacted())
                .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("alice@example.org")))
                .expectException(satisfying(this::fits));
        fixture.given(created(), seed("alice@example.org"))
                .when(new AddSeedPerson(CAMPAIGN, ORG, "Alice", "alice@example.org"))
                .expectException(satisfying(this::fits));
        fixture.given(created(), seed("bob@example.org"))
                .when(new StartRound(CAMPAIGN, ORG, RoundId.random(), T0.plus(Duration.ofDays(2)), true, 5))
                .expectException(satisfying(this::fits));
        fixture.given(created())
                .when(new StartRound(CAMPAIGN, ORG, RoundId.random(), T0.plus(Duration.ofDays(14)), false, 0))
                .expectException(satisfying(this::fits));

        assertThat(seen).extracting(RuleViolation::key).containsExactly("rule.round-open", "rule.round-open.complete",
                "rule.round-open.erase", "rule.already-contacted", "rule.already-in-campaign",
                "rule.reminder-in-past", "rule.nobody-to-contact");
        assertThat(seen).extracting(RuleViolation::arguments).containsExactly(List.of(1), List.of(1), List.of(1),
                List.of(1), List.of("alice@example.org"), List.of(5), List.of());
        assertThat(Refusals.text(seen.get(0), DUTCH))
                .isEqualTo("Ronde 1 is nog open; er kan maar één ronde tegelijk open zijn.");
    }

    @Test
    @DisplayName("a verdict on free text and a missing thing keep the domain's sentence")
    void wordedRefusals() {
        String problem = TextRule.sentence(TextRule.CAMPAIGN_NAME.problem("x".repeat(201)));
        RuleViolation text = RuleViolation.worded(Rule.NAME_INVALID, problem);
        assertThat(text.key()).isNull();
        assertThat(Refusals.text(text, DUTCH)).isEqualTo("The name is longer than 200 characters (it has 201).");
        assertThat(Refusals.text(new NotFound("Campaign"), DUTCH)).isEqualTo("Campaign not found");
        assertThat(Refusals.text(RuleViolation.variant(Rule.ROUND_OPEN, "noSuchVariant", "As the domain says."),
                DUTCH)).isEqualTo("As the domain says.");
        assertThat(Refusals.text(new RuleViolation(Rule.ROUND_OPEN, "Round 2 is still open."), DUTCH))
                .as("without the round's number").isEqualTo("Round 2 is still open.");
    }

    @Test
    @DisplayName("a verdict on typed text reads in English as the rule words it, and in Dutch, for every label")
    void textVerdicts() throws Exception {
        List<TextRule> rules = new ArrayList<>();
        for (Class<?> holder : List.of(TextRule.class, CampaignSender.class, CampaignRosterCommands.class)) {
            for (Field field : holder.getFields()) {
                if (field.getType() == TextRule.class && Modifier.isStatic(field.getModifiers())) {
                    rules.add((TextRule) field.get(null));
                }
            }
        }
        assertThat(rules).hasSizeGreaterThan(10);
        for (TextRule rule : rules) {
            for (String typed : List.of("a\u0000b", "a\u202Eb", "x".repeat(rule.maxLength() + 1))) {
                RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                        () -> rule.require(typed, Rule.NAME_INVALID));
                assertThat(refused.key()).startsWith("text.");
                assertThat(Refusals.text(refused, Locale.ENGLISH)).as(rule.label()).isEqualTo(refused.getMessage());
                assertThat(Refusals.text(refused, DUTCH)).as(rule.label()).isNotEqualTo(refused.getMessage())
                        .doesNotContain("{", "the ");
            }
        }
        RuleViolation tab = catchThrowableOfType(RuleViolation.class,
                () -> TextRule.PERSON_NAME.require("Ada\tLovelace", Rule.NAME_INVALID));
        assertThat(Refusals.text(tab, DUTCH)).isEqualTo("De naam bevat een tab (U+0009); dat is niet toegestaan.");
        RuleViolation long4000 = catchThrowableOfType(RuleViolation.class,
                () -> TextRule.CAMPAIGN_DESCRIPTION.require("x".repeat(4_001), Rule.DESCRIPTION_INVALID));
        assertThat(Refusals.text(long4000, DUTCH))
                .isEqualTo("De beschrijving is langer dan 4000 tekens (het zijn er 4001).");
    }

    private void fits(Object thrown) {
        assertThat(thrown).isInstanceOf(RuleViolation.class);
        RuleViolation refused = (RuleViolation) thrown;
        seen.add(refused);
        String english = AdminLanguage.texts().getOr(Locale.ENGLISH, refused.key(), null);
        String dutch = AdminLanguage.texts().getOr(DUTCH, refused.key(), null);
        assertThat(english).as(refused.key()).isNotNull();
        assertThat(values(english)).as(refused.key()).isEqualTo(refused.arguments().size());
        assertThat(values(dutch)).as(refused.key()).isEqualTo(refused.arguments().size());
        assertThat(Refusals.text(refused, Locale.ENGLISH)).isEqualTo(refused.getMessage());
        assertThat(Refusals.text(refused, DUTCH)).isNotEqualTo(refused.getMessage()).doesNotContain("{");
    }

    private static int values(String pattern) {
        return Refusals.values(pattern);
    }

    private static PersonId person(String email) {
        return IDENTITIES.personId(CAMPAIGN, email);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030"));
    }

    private static SeedPersonAdded seed(String email) {
        return new SeedPersonAdded(ORG, CAMPAIGN, person(email), "Alice", email);
    }

    private static PeopleContacted contacted() {
        return new PeopleContacted(ORG, CAMPAIGN, ROUND_1, 1, List.of(person("alice@example.org")));
    }
}
