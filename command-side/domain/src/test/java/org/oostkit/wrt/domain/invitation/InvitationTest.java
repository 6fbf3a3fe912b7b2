package org.oostkit.wrt.domain.invitation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.DeliveryStatus;
import org.oostkit.wrt.api.invitation.InvitationCommands.IssueInvitationToken;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailFailed;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.WithdrawVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.invitation.VerificationCodeWithdrawn;
import org.oostkit.wrt.api.invitation.VerificationFailed;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.security.KeyedHasher;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport.FixedSecretGenerator;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.oostkit.wrt.domain.testing.FixtureSupport.CODE;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Invitation")
class InvitationTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationId OTHER_ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND = RoundId.random();
    private static final InvitationId INVITATION = InvitationId.random();
    private static final String EMAIL = "nora@example.org";
    private static final KeyedHasher HASHER = FixtureSupport.hasher();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final VerificationPolicy POLICY = VerificationPolicy.DEFAULT;
    private static final Instant CODE_EXPIRY = T0.plus(POLICY.codeValidity());
    private static final Instant OCCURRED = T0.minusSeconds(30);

    private AggregateTestFixture<Invitation> fixture;
    private InMemoryRoundDirectory rounds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        rounds = new InMemoryRoundDirectory().open(ROUND, 1);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(rounds);
        fixture.registerInjectableResource(new FixedSecretGenerator());
        fixture.registerInjectableResource(HASHER);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(fixtureClock(fixture));
        fixture.givenCurrentTime(T0);
    }

    private static ContactInvited invited() {
        PersonId nora = IDENTITIES.personId(CAMPAIGN, EMAIL);
        return new ContactInvited(ORG, CAMPAIGN, ROUND, 1, INVITATION, nora, "Nora", EMAIL);
    }

    private static String codeHash(String code) {
        return HASHER.hash("verification-code:" + INVITATION, code);
    }

    private static VerificationCodeIssued codeIssued() {
        return new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION, codeHash(CODE), CODE_EXPIRY,
                POLICY.maxAttempts());
    }

    private static final String OLDER_CODE = "246810";
    private static final Instant OLDER_EXPIRY = CODE_EXPIRY.minusSeconds(60);

    private static VerificationCodeIssued olderCodeIssued() {
        return new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION, codeHash(OLDER_CODE), OLDER_EXPIRY,
                POLICY.maxAttempts());
    }

    /** Long enough after {@link T0} that codes given at T0 no longer count against the hourly limit. */
    private static final Instant LATER = T0.plus(Duration.ofHours(2));

    private static VerificationCodeIssued codeIssuedLater() {
        return new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION, codeHash(CODE),
                LATER.plus(POLICY.codeValidity()), POLICY.maxAttempts());
    }

    /** {@code count} codes with distinct expiries (a code is known by its expiry), all expired before {@link T0}. */
    private static Object[] codesIssuedOverDays(int count) {
        return IntStream.range(0, count).mapToObj(i -> new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION,
                codeHash(CODE), T0.minus(Duration.ofDays(count - i)), POLICY.maxAttempts())).toArray();
    }

    private static VerificationFailed failed(int attemptsLeft) {
        return new VerificationFailed(ORG, CAMPAIGN, INVITATION, attemptsLeft);
    }

    private static RequestVerificationCode requestCode(String email) {
        return new RequestVerificationCode(INVITATION, ORG, email);
    }

    private static VerifyCode verify(String code) {
        return new VerifyCode(INVITATION, ORG, code);
    }

    private static DeliveryRecorded delivery(DeliveryKind kind, DeliveryStatus status, String key) {
        return new DeliveryRecorded(ORG, CAMPAIGN, INVITATION, kind, status, "postmark", key, OCCURRED);
    }

    private static RecordDelivery report(DeliveryKind kind, String key) {
        return new RecordDelivery(INVITATION, ORG, kind, "postmark", key, OCCURRED);
    }

    private static MailSent mailSent(MailPurpose purpose) {
        return new MailSent(ORG, CAMPAIGN, INVITATION, purpose, "msg-" + purpose);
    }

    @Nested
    @DisplayName("magic-link token")
    class Token {

        @Test
        @DisplayName("records the keyed hash of a token")
        void issues() {
            String hash = Invitation.tokenHash(HASHER, "raw-token");

            fixture.given(invited())
                    .when(new IssueInvitationToken(INVITATION, ORG, hash))
                    .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, hash));
        }

        @Test
        @DisplayName("a new token replaces an earlier one")
        void reissues() {
            String first = Invitation.tokenHash(HASHER, "first");
            String second = Invitation.tokenHash(HASHER, "second");

            fixture.given(invited(), new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, first))
                    .when(new IssueInvitationToken(INVITATION, ORG, second))
                    .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, second));
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",   // 63 digits
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", // 65 digits
                "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",  // upper case
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",  // not hex
                "raw-token"})
        void malformedHash(String hash) {
            fixture.given(invited())
                    .when(new IssueInvitationToken(INVITATION, ORG, hash))
                    .expectException(violation(Rule.TOKEN_HASH_INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("the link")
    class Link {

        @Test
        @DisplayName("is recorded as opened the first time")
        void firstOpen() {
            fixture.given(invited())
                    .when(new RecordLinkOpened(INVITATION, ORG))
                    .expectEvents(new InvitationLinkOpened(ORG, CAMPAIGN, INVITATION));
        }

        @Test
        @DisplayName("opened again changes nothing")
        void openedAgain() {
            fixture.given(invited(), new InvitationLinkOpened(ORG, CAMPAIGN, INVITATION))
                    .when(new RecordLinkOpened(INVITATION, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("requesting a code")
    class RequestCode {

        @Test
        @DisplayName("for the invited address (compared normalised) issues a code valid for 10 minutes")
        void issues() {
            fixture.given(invited())
                    .when(requestCode("  Nora@Example.ORG "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(codeIssued())
                    .expectResultMessagePayload(new IssuedCode(CODE, T0.plus(Duration.ofMinutes(10))));
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(strings = {"someone@example.org", "nora@example.com", "nora", ""})
        void otherAddress(String email) {
            fixture.given(invited())
                    .when(requestCode(email))
                    .expectException(violation(Rule.EMAIL_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("without an address is refused")
        void noAddress() {
            fixture.given(invited())
                    .when(requestCode(null))
                    .expectException(violation(Rule.EMAIL_MISMATCH));
        }

        @Test
        @DisplayName("is refused once the round is closed")
        void roundClosed() {
            rounds.closed(ROUND, 1);

            fixture.given(invited())
                    .when(requestCode(EMAIL))
                    .expectException(violation(Rule.ROUND_CLOSED))
                    .expectNoEvents();
        }

        private TestExecutor<Invitation> givenMaxCodesRequestedAtT0() {
            Object[] requests = IntStream.range(0, POLICY.maxCodesPerHour()).mapToObj(i -> requestCode(EMAIL))
                    .toArray();
            return fixture.given(invited()).andGivenCommands(requests);
        }

        @Test
        @DisplayName("at most 5 codes are issued per hour")
        void rateLimited() {
            givenMaxCodesRequestedAtT0()
                    .when(requestCode(EMAIL))
                    .expectException(violation(Rule.TOO_MANY_CODES))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the limit holds until the hour is over")
        void rateLimitedWithinHour() {
            givenMaxCodesRequestedAtT0()
                    .andGivenCurrentTime(T0.plus(Duration.ofMinutes(59)))
                    .when(requestCode(EMAIL))
                    .expectException(violation(Rule.TOO_MANY_CODES));
        }

        @Test
        @DisplayName("an hour after the earlier codes, a new code can be requested")
        void rateLimitOver() {
            Instant later = T0.plus(Duration.ofHours(1));

            givenMaxCodesRequestedAtT0()
                    .andGivenCurrentTime(later)
                    .when(requestCode(EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION, codeHash(CODE),
                            later.plus(POLICY.codeValidity()), POLICY.maxAttempts()));
        }

        @Test
        @DisplayName("a code whose mail was not sent is withdrawn and does not count against the hourly limit")
        void withdrawnCodesDoNotCount() {
            Object[] requests = IntStream.range(0, POLICY.maxCodesPerHour()).mapToObj(i -> requestCode(EMAIL))
                    .toArray();
            fixture.given(invited())
                    .andGivenCommands(requests)
                    .andGivenCommands(new WithdrawVerificationCode(INVITATION, ORG, CODE_EXPIRY))
                    .when(requestCode(EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(codeIssued());
        }

        @Test
        @DisplayName("an invitation gets at most 20 codes over its life, however slowly they are asked for")
        void lifetimeCap() {
            fixture.given(invited())
                    .andGiven(codesIssuedOverDays(POLICY.maxCodes()))
                    .andGivenCurrentTime(LATER)
                    .when(requestCode(EMAIL))
                    .expectException(violation(Rule.CODE_LIMIT_REACHED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("below the lifetime cap a code is issued")
        void belowLifetimeCap() {
            fixture.given(invited())
                    .andGiven(codesIssuedOverDays(POLICY.maxCodes() - 1))
                    .andGivenCurrentTime(LATER)
                    .when(requestCode(EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(codeIssuedLater());
        }

        @Test
        @DisplayName("a withdrawn code does not count against the lifetime cap")
        void withdrawnCodesDoNotCountOverLife() {
            fixture.given(invited())
                    .andGiven(codesIssuedOverDays(POLICY.maxCodes()))
                    .andGiven(new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, T0.minus(Duration.ofDays(1))))
                    .andGivenCurrentTime(LATER)
                    .when(requestCode(EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(codeIssuedLater());
        }

        @Test
        @DisplayName("withdrawing records it once, and the withdrawn code no longer works")
        void withdrawn() {
            fixture.given(invited(), codeIssued())
                    .when(new WithdrawVerificationCode(INVITATION, ORG, CODE_EXPIRY))
                    .expectEvents(new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, CODE_EXPIRY));
            fixture.given(invited(), codeIssued(), new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, CODE_EXPIRY))
                    .when(new WithdrawVerificationCode(INVITATION, ORG, CODE_EXPIRY))
                    .expectNoEvents();
            fixture.given(invited(), codeIssued(), new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, CODE_EXPIRY))
                    .when(verify(CODE))
                    .expectResultMessagePayload(VerificationOutcome.NO_CODE)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("withdrawing an unknown code, or in another organisation, changes nothing")
        void withdrawUnknown() {
            fixture.given(invited(), codeIssued())
                    .when(new WithdrawVerificationCode(INVITATION, ORG, CODE_EXPIRY.plusSeconds(1)))
                    .expectNoEvents();
            fixture.given(invited(), codeIssued())
                    .when(new WithdrawVerificationCode(INVITATION, OTHER_ORG, CODE_EXPIRY))
                    .expectException(NotFound.class);
        }

        @Test
        @DisplayName("fewer than 5 codes within the hour are fine")
        void underLimit() {
            fixture.given(invited())
                    .andGivenCommands(requestCode(EMAIL), requestCode(EMAIL), requestCode(EMAIL), requestCode(EMAIL))
                    .when(requestCode(EMAIL))
                    .expectEvents(codeIssued());
        }
    }

    @Nested
    @DisplayName("verifying a code")
    class Verify {

        @Test
        @DisplayName("the right code verifies the nominator")
        void rightCode() {
            fixture.given(invited(), codeIssued())
                    .when(verify(CODE))
                    .expectEvents(new NominatorVerified(ORG, CAMPAIGN, INVITATION))
                    .expectResultMessagePayload(VerificationOutcome.VERIFIED);
        }

        @Test
        @DisplayName("surrounding spaces are ignored")
        void rightCodeWithSpaces() {
            fixture.given(invited(), codeIssued())
                    .when(verify(" " + CODE + " "))
                    .expectResultMessagePayload(VerificationOutcome.VERIFIED);
        }

        @Test
        @DisplayName("a code requested through the aggregate verifies (request and verify agree on the hash)")
        void requestedThenVerified() {
            fixture.given(invited())
                    .andGivenCommands(requestCode(EMAIL))
                    .when(verify(CODE))
                    .expectResultMessagePayload(VerificationOutcome.VERIFIED);
        }

        @Test
        @DisplayName("a wrong code costs an attempt")
        void wrongCode() {
            fixture.given(invited(), codeIssued())
                    .when(verify("654321"))
                    .expectEvents(failed(4))
                    .expectResultMessagePayload(VerificationOutcome.WRONG_CODE);
        }

        @Test
        @DisplayName("no code at all counts as a wrong code")
        void nullCode() {
            fixture.given(invited(), codeIssued())
                    .when(verify(null))
                    .expectEvents(failed(4))
                    .expectResultMessagePayload(VerificationOutcome.WRONG_CODE);
        }

        @Test
        @DisplayName("the fifth wrong code locks the code")
        void fifthWrongLocks() {
            fixture.given(invited(), codeIssued(), failed(4), failed(3), failed(2), failed(1))
                    .when(verify("000000"))
                    .expectEvents(failed(0))
                    .expectResultMessagePayload(VerificationOutcome.LOCKED);
        }

        @Test
        @DisplayName("a locked code does not verify, even when right")
        void locked() {
            fixture.given(invited(), codeIssued(), failed(4), failed(3), failed(2), failed(1), failed(0))
                    .when(verify(CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.LOCKED);
        }

        @Test
        @DisplayName("a new code after a lock can be used")
        void newCodeAfterLock() {
            fixture.given(invited(), codeIssued(), failed(4), failed(3), failed(2), failed(1), failed(0), codeIssued())
                    .when(verify(CODE))
                    .expectEvents(new NominatorVerified(ORG, CAMPAIGN, INVITATION))
                    .expectResultMessagePayload(VerificationOutcome.VERIFIED);
        }

        @Test
        @DisplayName("a code expires 10 minutes after it was issued")
        void expired() {
            fixture.given(invited())
                    .andGivenCommands(requestCode(EMAIL))
                    .andGivenCurrentTime(T0.plus(Duration.ofMinutes(10)))
                    .when(verify(CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.EXPIRED);
        }

        @Test
        @DisplayName("a code is still valid just before it expires")
        void justBeforeExpiry() {
            fixture.given(invited())
                    .andGivenCommands(requestCode(EMAIL))
                    .andGivenCurrentTime(T0.plus(Duration.ofMinutes(10)).minusSeconds(1))
                    .when(verify(CODE))
                    .expectResultMessagePayload(VerificationOutcome.VERIFIED);
        }

        @Test
        @DisplayName("an expired code costs no attempt, even when wrong")
        void expiredWrong() {
            fixture.given(invited(), codeIssued())
                    .andGivenCurrentTime(T0.plus(Duration.ofMinutes(11)))
                    .when(verify("654321"))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.EXPIRED);
        }

        @Test
        @DisplayName("a code is single use")
        void singleUse() {
            fixture.given(invited(), codeIssued(), new NominatorVerified(ORG, CAMPAIGN, INVITATION))
                    .when(verify(CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.USED);
        }

        @Test
        @DisplayName("an older code of ours is answered as replaced, and costs no attempt")
        void superseded() {
            fixture.given(invited(), olderCodeIssued(), codeIssued())
                    .when(verify(OLDER_CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.SUPERSEDED);
        }

        @Test
        @DisplayName("a code that was never ours is wrong, even when an older code exists")
        void wrongIsNotSuperseded() {
            fixture.given(invited(), olderCodeIssued(), codeIssued())
                    .when(verify("999999"))
                    .expectEvents(failed(4))
                    .expectResultMessagePayload(VerificationOutcome.WRONG_CODE);
        }

        @Test
        @DisplayName("an older code is still answered as replaced once the latest one was used")
        void supersededAfterUse() {
            fixture.given(invited(), olderCodeIssued(), codeIssued(), new NominatorVerified(ORG, CAMPAIGN, INVITATION))
                    .when(verify(OLDER_CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.SUPERSEDED);
        }

        @Test
        @DisplayName("a withdrawn code was never ours to the nominator: it is no code")
        void withdrawnIsNotSuperseded() {
            fixture.given(invited(), olderCodeIssued(),
                            new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, OLDER_EXPIRY), codeIssued())
                    .when(verify(OLDER_CODE))
                    .expectEvents(failed(4))
                    .expectResultMessagePayload(VerificationOutcome.WRONG_CODE);
        }

        @Test
        @DisplayName("without a requested code there is nothing to verify")
        void noCode() {
            fixture.given(invited())
                    .when(verify(CODE))
                    .expectNoEvents()
                    .expectResultMessagePayload(VerificationOutcome.NO_CODE);
        }
    }

    @Nested
    @DisplayName("mail")
    class Mail {

        @Test
        @DisplayName("the invitation mail is recorded as sent")
        void sent() {
            fixture.given(invited())
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-INVITATION"))
                    .expectEvents(mailSent(MailPurpose.INVITATION));
        }

        @Test
        @DisplayName("a mail of a purpose is recorded as sent once")
        void sentOnce() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the reminder is a purpose of its own")
        void reminderAfterInvitation() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.REMINDER, "msg-REMINDER"))
                    .expectEvents(mailSent(MailPurpose.REMINDER));
        }

        @Test
        @DisplayName("the link token a mail carries is issued with its record, before it")
        void sentWithToken() {
            String hash = Invitation.tokenHash(HASHER, "mailed-token");

            fixture.given(invited())
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-INVITATION", hash))
                    .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, hash),
                            mailSent(MailPurpose.INVITATION));
        }

        @Test
        @DisplayName("a repeated record issues no second token")
        void sentWithTokenOnce() {
            String hash = Invitation.tokenHash(HASHER, "mailed-token");

            fixture.given(invited(), new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, hash),
                            mailSent(MailPurpose.INVITATION))
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-INVITATION",
                            Invitation.tokenHash(HASHER, "another")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "token hash \"{0}\" is refused")
        @EmptySource
        @ValueSource(strings = {"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "raw-token"})
        void sentWithMalformedToken(String hash) {
            fixture.given(invited())
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-INVITATION", hash))
                    .expectException(violation(Rule.TOKEN_HASH_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a failure is recorded while the mail has not gone out")
        void failed() {
            fixture.given(invited())
                    .when(new RecordMailFailed(INVITATION, ORG, MailPurpose.INVITATION, "mailbox full", false))
                    .expectEvents(new MailFailed(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION, "mailbox full",
                            false));
        }

        @Test
        @DisplayName("a failure reason from the mail server is recorded with its control characters made visible")
        void failedReasonWithControlCharacters() {
            fixture.given(invited())
                    .when(new RecordMailFailed(INVITATION, ORG, MailPurpose.INVITATION, "550 bad\r\naddress\u0000",
                            true))
                    .expectEvents(new MailFailed(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION,
                            "550 bad<U+000D><U+000A>address<U+0000>", true));
        }

        @Test
        @DisplayName("a failure after the mail went out is ignored")
        void failedAfterSent() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(new RecordMailFailed(INVITATION, ORG, MailPurpose.INVITATION, "late", true))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a mail that failed can still be sent")
        void sentAfterFailure() {
            fixture.given(invited(),
                            new MailFailed(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION, "timeout", false))
                    .when(new RecordMailSent(INVITATION, ORG, MailPurpose.INVITATION, "msg-INVITATION"))
                    .expectEvents(mailSent(MailPurpose.INVITATION));
        }
    }

    @Nested
    @DisplayName("a mail in doubt")
    class InDoubt {

        private final String hash = Invitation.tokenHash(HASHER, "raw-token");

        private MailOutcomeUncertain uncertain() {
            return new MailOutcomeUncertain(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION);
        }

        private InvitationResendRequested resent() {
            return new InvitationResendRequested(ORG, CAMPAIGN, ROUND, INVITATION);
        }

        @Test
        @DisplayName("an interrupted hand-over issues the mail's token and records the outcome as uncertain")
        void uncertainIssuesTheToken() {
            fixture.given(invited())
                    .when(new RecordMailUncertain(INVITATION, ORG, MailPurpose.INVITATION, hash))
                    .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, hash), uncertain());
        }

        @Test
        @DisplayName("a mail recorded as sent is not in doubt")
        void sentIsNotUncertain() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(new RecordMailUncertain(INVITATION, ORG, MailPurpose.INVITATION, hash))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an uncertain token hash must be a hash")
        void uncertainNeedsAHash() {
            fixture.given(invited())
                    .when(new RecordMailUncertain(INVITATION, ORG, MailPurpose.INVITATION, "raw-token"))
                    .expectException(violation(Rule.TOKEN_HASH_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an admin may send an uncertain invitation again")
        void resendsUncertain() {
            fixture.given(invited(), uncertain())
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(resent());
        }

        @Test
        @DisplayName("an admin may send a failed invitation again")
        void resendsFailed() {
            fixture.given(invited(), new MailFailed(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION,
                            "refused by the mail server: 550 no such user", true))
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectEvents(resent());
        }

        @Test
        @DisplayName("an invitation that was sent is not sent again")
        void refusesSent() {
            fixture.given(invited(), uncertain(), mailSent(MailPurpose.INVITATION))
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectException(violation(Rule.MAIL_NOT_IN_DOUBT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an invitation still on its way is not sent again")
        void refusesPending() {
            fixture.given(invited())
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectException(violation(Rule.MAIL_NOT_IN_DOUBT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("only a failed reminder leaves the invitation itself not in doubt")
        void refusesFailedReminder() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION), new MailFailed(ORG, CAMPAIGN, INVITATION,
                            MailPurpose.REMINDER, "gave up", false))
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectException(violation(Rule.MAIL_NOT_IN_DOUBT));
        }

        @Test
        @DisplayName("once sent again, asking again waits for that mail's outcome")
        void refusesTwice() {
            fixture.given(invited(), uncertain(), resent())
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectException(violation(Rule.MAIL_NOT_IN_DOUBT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a resent mail that fails may be sent again")
        void resendsAfterAFailedResend() {
            fixture.given(invited(), uncertain(), resent(), new MailFailed(ORG, CAMPAIGN, INVITATION,
                            MailPurpose.INVITATION, "gave up after 10 attempts", false))
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectEvents(resent());
        }

        @Test
        @DisplayName("only while the round is open")
        void refusesClosedRound() {
            rounds.closed(ROUND, 1);
            fixture.given(invited(), uncertain())
                    .when(new SendInvitationAgain(INVITATION, ORG))
                    .expectException(violation(Rule.ROUND_CLOSED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("only in its own organisation")
        void refusesOtherTenant() {
            fixture.given(invited(), uncertain())
                    .when(new SendInvitationAgain(INVITATION, OTHER_ORG))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("delivery reports")
    class Delivery {

        @Test
        @DisplayName("a first report sets the status and answers true")
        void delivered() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(report(DeliveryKind.DELIVERED, "k1"))
                    .expectEvents(delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .expectResultMessagePayload(true);
        }

        @Test
        @DisplayName("the status moves forward: delivered, then opened")
        void forward() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION),
                            delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .when(report(DeliveryKind.OPENED, "k2"))
                    .expectEvents(delivery(DeliveryKind.OPENED, DeliveryStatus.OPENED, "k2"));
        }

        @Test
        @DisplayName("a late 'delivered' after 'opened' keeps the status opened")
        void neverBackward() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION),
                            delivery(DeliveryKind.OPENED, DeliveryStatus.OPENED, "k2"))
                    .when(report(DeliveryKind.DELIVERED, "k1"))
                    .expectEvents(delivery(DeliveryKind.DELIVERED, DeliveryStatus.OPENED, "k1"))
                    .expectResultMessagePayload(true);
        }

        @Test
        @DisplayName("'opened' after 'clicked' keeps the status clicked")
        void clickedStays() {
            fixture.given(invited(), delivery(DeliveryKind.CLICKED, DeliveryStatus.CLICKED, "k3"))
                    .when(report(DeliveryKind.OPENED, "k2"))
                    .expectEvents(delivery(DeliveryKind.OPENED, DeliveryStatus.CLICKED, "k2"));
        }

        @Test
        @DisplayName("a bounce overrides any ordinary status")
        void bounce() {
            fixture.given(invited(), delivery(DeliveryKind.CLICKED, DeliveryStatus.CLICKED, "k3"))
                    .when(report(DeliveryKind.BOUNCED, "k4"))
                    .expectEvents(delivery(DeliveryKind.BOUNCED, DeliveryStatus.BOUNCED, "k4"));
        }

        @Test
        @DisplayName("a soft bounce shows until the provider delivers on a later attempt")
        void softBounceThenDelivered() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION),
                            delivery(DeliveryKind.SOFT_BOUNCED, DeliveryStatus.SOFT_BOUNCED, "k6"))
                    .when(report(DeliveryKind.DELIVERED, "k1"))
                    .expectEvents(delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"));
        }

        @Test
        @DisplayName("a soft bounce of a sent mail shows as soft bounced")
        void softBounce() {
            fixture.given(invited(), mailSent(MailPurpose.INVITATION))
                    .when(report(DeliveryKind.SOFT_BOUNCED, "k6"))
                    .expectEvents(delivery(DeliveryKind.SOFT_BOUNCED, DeliveryStatus.SOFT_BOUNCED, "k6"));
        }

        @Test
        @DisplayName("a soft bounce after a delivery keeps the status delivered")
        void softBounceIsNotFinal() {
            fixture.given(invited(), delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .when(report(DeliveryKind.SOFT_BOUNCED, "k6"))
                    .expectEvents(delivery(DeliveryKind.SOFT_BOUNCED, DeliveryStatus.DELIVERED, "k6"));
        }

        @Test
        @DisplayName("a hard bounce after a soft one is final")
        void hardAfterSoft() {
            fixture.given(invited(), delivery(DeliveryKind.SOFT_BOUNCED, DeliveryStatus.SOFT_BOUNCED, "k6"))
                    .when(report(DeliveryKind.BOUNCED, "k4"))
                    .expectEvents(delivery(DeliveryKind.BOUNCED, DeliveryStatus.BOUNCED, "k4"));
        }

        @Test
        @DisplayName("a spam complaint overrides any ordinary status")
        void spam() {
            fixture.given(invited(), delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .when(report(DeliveryKind.SPAM_COMPLAINT, "k5"))
                    .expectEvents(delivery(DeliveryKind.SPAM_COMPLAINT, DeliveryStatus.SPAM_COMPLAINT, "k5"));
        }

        @Test
        @DisplayName("a bounce is final: later reports keep the status bounced")
        void bounceFinal() {
            fixture.given(invited(), delivery(DeliveryKind.BOUNCED, DeliveryStatus.BOUNCED, "k4"))
                    .when(report(DeliveryKind.OPENED, "k2"))
                    .expectEvents(delivery(DeliveryKind.OPENED, DeliveryStatus.BOUNCED, "k2"));
        }

        @Test
        @DisplayName("a spam complaint is final, even against a later bounce")
        void spamFinal() {
            fixture.given(invited(), delivery(DeliveryKind.SPAM_COMPLAINT, DeliveryStatus.SPAM_COMPLAINT, "k5"))
                    .when(report(DeliveryKind.BOUNCED, "k4"))
                    .expectEvents(delivery(DeliveryKind.BOUNCED, DeliveryStatus.SPAM_COMPLAINT, "k4"));
        }

        @Test
        @DisplayName("a provider event seen before changes nothing and answers false")
        void duplicate() {
            fixture.given(invited(), delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .when(report(DeliveryKind.OPENED, "k1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        @DisplayName("the same event key from another provider is another event")
        void sameKeyOtherProvider() {
            fixture.given(invited(), delivery(DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED, "k1"))
                    .when(new RecordDelivery(INVITATION, ORG, DeliveryKind.OPENED, "ses", "k1", OCCURRED))
                    .expectEvents(new DeliveryRecorded(ORG, CAMPAIGN, INVITATION, DeliveryKind.OPENED,
                            DeliveryStatus.OPENED, "ses", "k1", OCCURRED))
                    .expectResultMessagePayload(true);
        }

        @Test
        @DisplayName("a report needs a kind")
        void missingKind() {
            fixture.given(invited())
                    .when(report(null, "k1"))
                    .expectException(violation(Rule.DELIVERY_INVALID))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "event key \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void missingKey(String key) {
            fixture.given(invited())
                    .when(report(DeliveryKind.DELIVERED, key))
                    .expectException(violation(Rule.DELIVERY_INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("another organisation")
    class OtherTenant {

        @Test
        @DisplayName("finds no invitation to issue a token for")
        void token() {
            fixture.given(invited())
                    .when(new IssueInvitationToken(INVITATION, OTHER_ORG, Invitation.tokenHash(HASHER, "t")))
                    .expectException(NotFound.class)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("finds no invitation to request a code for")
        void code() {
            fixture.given(invited())
                    .when(new RequestVerificationCode(INVITATION, OTHER_ORG, EMAIL))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("finds no invitation to verify a code for")
        void verify() {
            fixture.given(invited(), codeIssued())
                    .when(new VerifyCode(INVITATION, OTHER_ORG, CODE))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("finds no invitation to record the opened link of")
        void records() {
            fixture.given(invited())
                    .when(new RecordLinkOpened(INVITATION, OTHER_ORG))
                    .expectException(violation(Rule.NOT_FOUND));
        }

        @Test
        @DisplayName("finds no invitation to record a mail of")
        void mail() {
            fixture.given(invited())
                    .when(new RecordMailSent(INVITATION, OTHER_ORG, MailPurpose.INVITATION, "m"))
                    .expectException(violation(Rule.NOT_FOUND));
        }

        @Test
        @DisplayName("finds no invitation to record a mail failure of")
        void mailFailed() {
            fixture.given(invited())
                    .when(new RecordMailFailed(INVITATION, OTHER_ORG, MailPurpose.INVITATION, "x", true))
                    .expectException(violation(Rule.NOT_FOUND));
        }

        @Test
        @DisplayName("finds no invitation to record a delivery of")
        void delivery() {
            fixture.given(invited())
                    .when(new RecordDelivery(INVITATION, OTHER_ORG, DeliveryKind.DELIVERED, "postmark", "k1",
                            OCCURRED))
                    .expectException(violation(Rule.NOT_FOUND));
        }
    }
}
