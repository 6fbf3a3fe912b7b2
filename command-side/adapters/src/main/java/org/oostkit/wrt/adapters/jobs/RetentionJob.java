package org.oostkit.wrt.adapters.jobs;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignCommands.ApplyRetention;
import org.oostkit.wrt.api.campaign.RetentionOutcome;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RetentionQueries.CompletedCampaign;
import org.oostkit.wrt.query.api.RetentionQueries.FindCampaignsCompletedBefore;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One run of the retention job: each due campaign's aggregate decides to warn or erase, so a warning is
 * mailed at most once even when runs overlap.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Campaigns whose period ends within this many days (or has ended) are looked at. */
    private static final int WINDOW_DAYS = 31;

    private final ActingCommandGateway commands;
    private final QueryGateway queries;
    private final ObjectProvider<RetentionMail> mail;
    private final RetentionSettings settings;
    private final Clock clock;
    private final String baseUrl;

    RetentionJob(ActingCommandGateway commands, QueryGateway queries, ObjectProvider<RetentionMail> mail,
                 RetentionSettings settings, Clock clock, @Value("${wrt.base-url}") String baseUrl) {
        this.commands = commands;
        this.queries = queries;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a run did. */
    record Report(int warned, int erased, int failed) {
    }

    Report run() {
        RetentionMail mailer = mail.getIfAvailable();
        if (mailer == null) {
            log.error("No retention mail is configured: the retention job warns nobody and so erases nothing");
            return new Report(0, 0, 0);
        }
        Instant now = clock.instant();
        Instant before = now.atOffset(ZoneOffset.UTC).minus(settings.period()).plusDays(WINDOW_DAYS).toInstant();
        List<CompletedCampaign> candidates = queries.query(new FindCampaignsCompletedBefore(before),
                ResponseTypes.multipleInstancesOf(CompletedCampaign.class)).join();
        int warned = 0;
        int erased = 0;
        int failed = 0;
        for (CompletedCampaign campaign : candidates) {
            try {
                RetentionOutcome outcome = commands.sendAndWait(
                        new ApplyRetention(campaign.campaignId(), campaign.organisationId(), settings.period()),
                        Actor.SYSTEM.value());
                switch (outcome.step()) {
                    case WARNED -> {
                        warn(mailer, campaign, outcome);
                        warned++;
                    }
                    case ERASED -> {
                        log.info("Erased campaign {} of {} (retention {} after completion at {})",
                                campaign.campaignId(), campaign.organisationSlug(), settings.period(),
                                campaign.completedAt());
                        erased++;
                    }
                    case NOTHING_DUE -> { }
                }
            } catch (RuntimeException e) {
                // one campaign's problem must not keep the others from being warned or erased
                log.error("Retention of campaign {} of {} failed", campaign.campaignId(),
                        campaign.organisationSlug(), e);
                failed++;
            }
        }
        log.info("Retention run: {} campaign(s) looked at, {} warned, {} erased, {} failed", candidates.size(),
                warned, erased, failed);
        return new Report(warned, erased, failed);
    }

    private void warn(RetentionMail mailer, CompletedCampaign campaign, RetentionOutcome outcome) {
        OrganisationView organisation = queries.query(new FindOrganisationBySlug(campaign.organisationSlug()),
                OrganisationView.class).join();
        if (organisation == null || organisation.adminEmails().isEmpty()) {
            log.warn("Retention warning for campaign {}: organisation {} has no admin to mail",
                    campaign.campaignId(), campaign.organisationSlug());
            return;
        }
        URI link = URI.create(baseUrl + "/org/" + campaign.organisationSlug() + "/campaigns/"
                + campaign.campaignId());
        TimeZoneView zones = queries.query(new FindTimeZone(organisation.organisationId(), campaign.campaignId()),
                TimeZoneView.class).join();
        ZoneId zone = zones == null ? organisation.timeZone() : zones.zone();
        for (String admin : organisation.adminEmails()) {
            mailer.sendRetentionWarning(admin, organisation.name(), campaign.campaignName(), outcome.erasureAt(),
                    zone, link);
        }
        log.info("Retention warning ({}) for campaign {} of {}: erasure at {}", outcome.warning(),
                campaign.campaignId(), campaign.organisationSlug(), outcome.erasureAt());
    }
}
