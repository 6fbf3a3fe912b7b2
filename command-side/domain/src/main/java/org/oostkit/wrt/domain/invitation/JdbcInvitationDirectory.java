package org.oostkit.wrt.domain.invitation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class JdbcInvitationDirectory implements InvitationDirectory {

    private static final String SELECT = "SELECT invitation_id, organisation_id, campaign_id, round_id, person_id, "
            + "verified FROM invitation_directory ";
    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(
            new InvitationId(rs.getObject(1, UUID.class)), new OrganisationId(rs.getObject(2, UUID.class)),
            new CampaignId(rs.getObject(3, UUID.class)), new RoundId(rs.getObject(4, UUID.class)),
            new PersonId(rs.getObject(5, UUID.class)), rs.getBoolean(6));

    private static final String PENDING = JdbcInvitationDirectory.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    JdbcInvitationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(InvitationId invitationId) {
        return jdbc.query(SELECT + "WHERE invitation_id = ?", ENTRY, invitationId.value()).stream().findFirst();
    }

    @Override
    public Optional<Entry> findByTokenHash(String tokenHash) {
        return jdbc.query(SELECT + "WHERE invitation_id = (SELECT invitation_id FROM invitation_link_token "
                + "WHERE token_hash = ?)", ENTRY, tokenHash).stream().findFirst();
    }

    /**
     * A round start invites everyone at once (up to 10,000 in one unit of work): the rows are written in one
     * JDBC batch when the events' processing unit of work commits, inside the command's transaction, rather
     * than one round trip each.
     */
    @EventHandler
    void on(ContactInvited event) {
        Object[] row = {event.invitationId().value(), event.organisationId().value(), event.campaignId().value(),
                event.roundId().value(), event.personId().value()};
        if (!CurrentUnitOfWork.isStarted()) {
            insert(List.<Object[]>of(row));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Object[]> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> insert(rows));
            return rows;
        }).add(row);
    }

    /** Rows of this batch not written yet go first, so that an update of the same batch finds its row. */
    private void flushPending() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = CurrentUnitOfWork.get().getResource(PENDING);
            if (rows != null && !rows.isEmpty()) {
                insert(new ArrayList<>(rows));
                rows.clear();
            }
        }
    }

    private void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO invitation_directory (invitation_id, organisation_id, campaign_id, round_id, "
                + "person_id) VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** A newer token does not replace the older ones: every link sent works while the round is open. */
    @EventHandler
    void on(InvitationTokenIssued event) {
        flushPending();
        jdbc.update("UPDATE invitation_directory SET token_hash = ? WHERE invitation_id = ?", event.tokenHash(),
                event.invitationId().value());
        jdbc.update("INSERT INTO invitation_link_token (token_hash, invitation_id) VALUES (?, ?) "
                + "ON CONFLICT (token_hash) DO NOTHING", event.tokenHash(), event.invitationId().value());
    }

    @EventHandler
    void on(NominatorVerified event) {
        flushPending();
        jdbc.update("UPDATE invitation_directory SET verified = TRUE WHERE invitation_id = ?",
                event.invitationId().value());
    }
}
