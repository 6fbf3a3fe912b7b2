package org.oostkit.wrt.query.campaign;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.api.StatisticsView.Ranked;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.oostkit.wrt.query.tenant.Columns.instant;

/** Answers the campaign queries (campaigns, roster, convergence, statistics, reasons, referral graph) of one tenant. */
@Component
public class CampaignReadModel {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate snapshot;
    private final TenantDirectory tenants;

    CampaignReadModel(JdbcTemplate jdbc, TenantDirectory tenants, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        // PostgreSQL streams a result through a cursor only with a fetch size and outside autocommit
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
    }

    @QueryHandler
    List<CampaignView> campaigns(FindCampaigns query) {
        return tenants.schemaFor(query.organisationId())
                .map(s -> jdbc.query(campaignSql(s) + " ORDER BY c.created_at DESC, c.campaign_id", CAMPAIGN))
                .orElse(List.of());
    }

    @QueryHandler
    CampaignView campaign(FindCampaign query) {
        return campaign(query.organisationId(), query.campaignId()).orElse(null);
    }

    public Optional<CampaignView> campaign(OrganisationId organisation, CampaignId campaign) {
        return tenants.schemaFor(organisation)
                .flatMap(s -> jdbc.query(campaignSql(s) + " WHERE c.campaign_id = ?", CAMPAIGN, campaign.value())
                        .stream().findFirst());
    }

    @QueryHandler
    RosterView roster(FindRoster query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        if (schema.isEmpty()) {
            return new RosterView(List.of(), List.of());
        }
        List<PersonView> people = jdbc.query("SELECT * FROM " + schema.get() + ".person WHERE campaign_id = ? "
                + "AND in_roster ORDER BY source DESC, lower(name), email", ROSTER_PERSON, query.campaignId().value());
        return new RosterView(people,
                people.stream().filter(p -> p.contactedRound() == null && !p.setAside()).toList());
    }

    /** The histogram and the page are read from one snapshot, so every row's count has its rank. */
    @QueryHandler
    public ConvergenceView convergence(FindConvergence query) {
        return snapshot.execute(status -> convergenceIn(tenants.schemaFor(query.organisationId()), query));
    }

    /** The convergence list from a tenant's tables or from the as-of views' temporary ones ({@code pg_temp}). */
    public ConvergenceView convergenceIn(Optional<String> schema, FindConvergence query) {
        Optional<Integer> known = schema.flatMap(s -> threshold(s, query.campaignId()));
        if (known.isEmpty()) {
            return new ConvergenceView(2, 0, 0, List.of());
        }
        int threshold = known.get();
        int limit = Math.max(1, Math.min(query.limit(), FindConvergence.MAX_LIMIT));
        int offset = Math.max(0, query.offset());
        Where where = where(schema.get(), query.campaignId(), threshold, query.filter());
        // ranks from a histogram of counts (a few rows) instead of a window over every candidate
        Map<Integer, Integer> histogram = new HashMap<>();
        jdbc.query("SELECT p.nominator_count, count(*) FROM " + schema.get() + ".person p " + where.sql
                        + " GROUP BY p.nominator_count",
                (RowCallbackHandler) rs -> histogram.put(rs.getInt(1), rs.getInt(2)), where.args.toArray());
        Map<Integer, Integer> rankOf = CampaignFigures.ranks(histogram);
        int total = histogram.values().stream().mapToInt(Integer::intValue).sum();
        List<Object> args = new ArrayList<>(where.args);
        args.add(offset);
        args.add(limit);
        List<CandidateView> page = jdbc.query("SELECT p.* FROM " + schema.get() + ".person p " + where.sql
                        + " ORDER BY p.nominator_count DESC, p.name, p.person_id OFFSET ? LIMIT ?",
                (rs, n) -> candidate(rs, threshold, rankOf.get(rs.getInt("nominator_count"))), args.toArray());
        return new ConvergenceView(threshold, total, offset, page);
    }

    /** Every candidate passing the filter, in rank order, streamed to the callback (exports). */
    public void eachCandidate(OrganisationId organisation, CampaignId campaignId, CandidateFilter filter,
                              Consumer<CandidateView> consumer) {
        Optional<String> schema = tenants.schemaFor(organisation);
        Optional<Integer> known = schema.flatMap(s -> threshold(s, campaignId));
        if (known.isEmpty()) {
            return;
        }
        int threshold = known.get();
        Where where = where(schema.get(), campaignId, threshold, filter);
        RowCallbackHandler handler = rs -> consumer.accept(withReasons(candidate(rs, threshold, rs.getInt("rank")),
                rs.getArray("reasons")));
        // the campaign's reasons in one pass, grouped by nominee and hash-joined to the people: a lookup per
        // person would cost several times the export itself
        String s = schema.get();
        List<Object> args = new ArrayList<>();
        args.add(campaignId.value());
        args.addAll(where.args);
        readOnly.executeWithoutResult(status -> streaming.query("SELECT p.*, rank() OVER (ORDER BY "
                + "p.nominator_count DESC) AS rank, r.reasons FROM " + s + ".person p LEFT JOIN (SELECT e.nominee_id, "
                + "array_agg(ARRAY[e.nominator_id::text, coalesce(n.name, ''), e.round_number::text, e.reason] "
                + "ORDER BY e.round_number, n.name, e.nominator_id) AS reasons FROM " + s + ".nomination e LEFT JOIN "
                + s + ".person n ON n.campaign_id = e.campaign_id AND n.person_id = e.nominator_id "
                + "WHERE e.campaign_id = ? AND " + GIVEN + " GROUP BY e.nominee_id) r ON r.nominee_id = p.person_id "
                + where.sql + " ORDER BY p.nominator_count DESC, p.name, p.person_id", handler, args.toArray()));
    }

    /** A reason that was given and not erased since (an erased one reads as if none had been given). */
    private static final String GIVEN = "e.reason <> '' AND e.reason <> '" + PersonalData.ERASED + "'";

    private static final String REASON_COLUMNS = "e.nominee_id, e.nominee_name, e.nominator_id, "
            + "coalesce(n.name, '') AS nominator_name, e.round_number, CASE WHEN " + GIVEN
            + " THEN e.reason ELSE '' END AS reason";

    private static final RowMapper<ReasonView> REASON = (rs, n) -> new ReasonView(
            new PersonId(rs.getObject("nominee_id", UUID.class)), rs.getString("nominee_name"),
            new PersonId(rs.getObject("nominator_id", UUID.class)), rs.getString("nominator_name"),
            rs.getInt("round_number"), rs.getString("reason"));

    /** Who named the people of one page of the ranked list (never the whole campaign in one list) and why. */
    @QueryHandler
    ReasonsView reasons(FindReasons query) {
        return reasonsIn(tenants.schemaFor(query.organisationId()), query.campaignId(),
                query.nomineeIds().stream().limit(FindReasons.MAX_PEOPLE).toList());
    }

    /** Who named the given people and why, in one query on the nominee index of the schema's tables. */
    public ReasonsView reasonsIn(Optional<String> schema, CampaignId campaign, List<PersonId> nominees) {
        if (schema.isEmpty() || nominees.isEmpty()) {
            return new ReasonsView(List.of());
        }
        String s = schema.get();
        UUID[] ids = nominees.stream().map(PersonId::value).distinct().toArray(UUID[]::new);
        // at most PER_PERSON each, earliest rounds first, straight from the index (the exports have them all)
        return new ReasonsView(jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + REASON_COLUMNS + " FROM unnest(?) AS t(nominee_id) "
                    + "CROSS JOIN LATERAL (SELECT * FROM " + s + ".nomination x WHERE x.campaign_id = ? "
                    + "AND x.nominee_id = t.nominee_id ORDER BY x.round_number LIMIT " + FindReasons.PER_PERSON
                    + ") e LEFT JOIN " + s + ".person n ON n.campaign_id = e.campaign_id "
                    + "AND n.person_id = e.nominator_id ORDER BY e.round_number, n.name, e.nominator_id");
            statement.setArray(1, con.createArrayOf("uuid", ids));
            statement.setObject(2, campaign.value());
            return statement;
        }, REASON));
    }

    /** The page with each candidate's reasons attached, read from the tables of the given schema. */
    public ConvergenceView withReasonsIn(Optional<String> schema, CampaignId campaign, ConvergenceView page) {
        Map<PersonId, List<ReasonView>> reasons = reasonsIn(schema, campaign,
                page.candidates().stream().map(CandidateView::personId).toList()).byNominee();
        return new ConvergenceView(page.threshold(), page.total(), page.offset(), page.candidates().stream()
                .map(c -> c.withReasons(reasons.getOrDefault(c.personId(), List.of()))).toList());
    }

    /** The nominations made in one round with their reasons, by nominator then nominee name. */
    @QueryHandler
    ReasonsView roundReasons(FindRoundReasons query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        CampaignId campaign = query.campaignId();
        int roundNumber = query.roundNumber();
        if (schema.isEmpty()) {
            return new ReasonsView(List.of());
        }
        String s = schema.get();
        // the first nominators by name, then their nominations: never the whole round of a large campaign
        List<ReasonView> reasons = jdbc.query("WITH k AS (SELECT e.nominator_id, min(n.name) AS name FROM " + s
                + ".nomination e LEFT JOIN " + s + ".person n ON n.campaign_id = e.campaign_id "
                + "AND n.person_id = e.nominator_id WHERE e.campaign_id = ? AND e.round_number = ? "
                + "GROUP BY e.nominator_id ORDER BY 2, 1 LIMIT " + FindRoundReasons.MAX_NOMINATORS + ") "
                + "SELECT " + REASON_COLUMNS + " FROM k JOIN " + s + ".nomination e ON e.campaign_id = ? "
                + "AND e.round_number = ? AND e.nominator_id = k.nominator_id LEFT JOIN " + s + ".person n "
                + "ON n.campaign_id = e.campaign_id AND n.person_id = e.nominator_id "
                + "ORDER BY k.name, k.nominator_id, e.nominee_name, e.nominee_id", REASON,
                campaign.value(), roundNumber, campaign.value(), roundNumber);
        int nominators = (int) reasons.stream().map(ReasonView::nominatorId).distinct().count();
        int left = nominators < FindRoundReasons.MAX_NOMINATORS ? 0 : jdbc.queryForObject("SELECT count(DISTINCT "
                + "nominator_id) FROM " + s + ".nomination WHERE campaign_id = ? AND round_number = ?", Integer.class,
                campaign.value(), roundNumber) - nominators;
        return new ReasonsView(reasons, left);
    }

    private static CandidateView withReasons(CandidateView c, Array reasons) throws SQLException {
        if (reasons == null) {
            return c;
        }
        List<ReasonView> list = new ArrayList<>();
        for (Object item : (Object[]) reasons.getArray()) {
            String[] r = (String[]) item;
            list.add(new ReasonView(c.personId(), c.name(), new PersonId(UUID.fromString(r[0])), r[1],
                    Integer.parseInt(r[2]), r[3]));
        }
        return c.withReasons(list);
    }

    private Optional<Integer> threshold(String schema, CampaignId campaign) {
        return jdbc.queryForList("SELECT convergence_threshold FROM " + schema + ".campaign WHERE campaign_id = ?",
                Integer.class, campaign.value()).stream().findFirst();
    }

    @QueryHandler
    public StatisticsView statistics(FindStatistics query) {
        return statisticsIn(tenants.schemaFor(query.organisationId()), query.campaignId());
    }

    /** The statistics from the tables of the given schema (see {@link #convergenceIn}). */
    public StatisticsView statisticsIn(Optional<String> schema, CampaignId campaign) {
        if (schema.isEmpty()) {
            return new StatisticsView(0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), 0, 0, 0, 0);
        }
        String s = schema.get();
        Object id = campaign.value();
        int[] contacts = jdbc.queryForObject("SELECT count(*), count(responded_at) FROM " + s + ".contact "
                + "WHERE campaign_id = ?", (rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}, id);
        int[] rounds = jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE status = 'CLOSED') FROM " + s
                + ".round WHERE campaign_id = ?", (rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}, id);
        List<CampaignFigures.People> people = jdbc.query("SELECT nominator_count, CASE WHEN in_roster THEN "
                + "entered_round END, count(*) FROM " + s + ".person WHERE campaign_id = ? GROUP BY 1, 2",
                (rs, n) -> new CampaignFigures.People(rs.getInt(1), (Integer) rs.getObject(2), rs.getInt(3)), id);
        List<Ranked> topNominees = jdbc.query("SELECT name, email, nominator_count FROM " + s + ".person "
                + "WHERE campaign_id = ? AND nominator_count > 0 ORDER BY nominator_count DESC, name, person_id "
                + "LIMIT " + CampaignFigures.TOP, RANKED, id);
        List<Ranked> topNominators = jdbc.query("SELECT name, email, nominee_count FROM " + s + ".contact "
                + "WHERE campaign_id = ? AND nominee_count > 0 ORDER BY nominee_count DESC, name, invitation_id "
                + "LIMIT " + CampaignFigures.TOP, RANKED, id);
        return CampaignFigures.statistics(contacts[0], contacts[1], rounds[0], rounds[1], people, topNominees,
                topNominators);
    }

    private static final RowMapper<Ranked> RANKED = (rs, n) -> new Ranked(rs.getString(1), rs.getString(2),
            rs.getInt(3));

    @QueryHandler
    public ReferralGraphView graph(FindReferralGraph query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        if (schema.isEmpty()) {
            return new ReferralGraphView(List.of(), List.of());
        }
        String s = schema.get();
        List<ReferralGraphView.Node> nodes = jdbc.query("SELECT person_id, name, source, nominator_count, "
                        + "contacted_round FROM " + s + ".person WHERE campaign_id = ? AND (in_roster OR nominator_count > 0) "
                        + "ORDER BY nominator_count DESC, name",
                (rs, n) -> new ReferralGraphView.Node(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getInt(4), (Integer) rs.getObject(5)), query.campaignId().value());
        List<ReferralGraphView.Edge> edges = jdbc.query("SELECT nominator_id, nominee_id, round_number FROM " + s
                        + ".nomination WHERE campaign_id = ? ORDER BY round_number, nominator_id, nominee_id",
                (rs, n) -> new ReferralGraphView.Edge(new PersonId(rs.getObject(1, UUID.class)),
                        new PersonId(rs.getObject(2, UUID.class)), rs.getInt(3)), query.campaignId().value());
        return new ReferralGraphView(nodes, edges);
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(String s, CampaignId campaign, int threshold, CandidateFilter filter) {
        CandidateFilter f = filter == null ? CandidateFilter.ALL : filter;
        StringBuilder sql = new StringBuilder("WHERE p.campaign_id = ? AND (p.in_roster OR p.nominator_count > 0)");
        List<Object> args = new ArrayList<>(List.of(campaign.value()));
        if (f.aboveThresholdOnly()) {
            sql.append(" AND p.nominator_count >= ?");
            args.add(threshold);
        }
        if (f.nominatedOnly()) {
            sql.append(" AND p.nominator_count > 0");
        }
        if (f.round() != null || f.from() != null || f.to() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(s).append(".nomination e WHERE e.campaign_id = p.campaign_id "
                    + "AND e.nominee_id = p.person_id");
            if (f.round() != null) {
                sql.append(" AND e.round_number = ?");
                args.add(f.round());
            }
            if (f.from() != null) {
                sql.append(" AND e.nominated_at >= ?");
                args.add(Timestamp.from(f.from()));
            }
            if (f.to() != null) {
                sql.append(" AND e.nominated_at < ?");
                args.add(Timestamp.from(f.to()));
            }
            sql.append(")");
        }
        return new Where(sql.toString(), args);
    }

    private static CandidateView candidate(ResultSet rs, int threshold, int rank) throws SQLException {
        Array rounds = rs.getArray("rounds_named");
        List<Integer> roundList = rounds == null ? List.of()
                : Arrays.stream((Integer[]) rounds.getArray()).toList();
        int nominations = rs.getInt("nominator_count");
        return new CandidateView(rank, new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getString("name"), rs.getString("email"), nominations, nominations >= threshold,
                rs.getString("source"), roundList, (Integer) rs.getObject("contacted_round"),
                instant(rs, "first_nominated_at"));
    }

    private static String campaignSql(String s) {
        return "SELECT c.*, "
                + "(SELECT count(*) FROM " + s + ".person p WHERE p.campaign_id = c.campaign_id AND p.in_roster) AS people, "
                + "(SELECT count(*) FROM " + s + ".person p WHERE p.campaign_id = c.campaign_id AND p.in_roster "
                + "AND p.source = 'SEED') AS seed_people, "
                + "(SELECT count(*) FROM " + s + ".person p WHERE p.campaign_id = c.campaign_id AND p.in_roster "
                + "AND p.contacted_round IS NULL) AS not_contacted, "
                + "(SELECT count(*) FROM " + s + ".person p WHERE p.campaign_id = c.campaign_id "
                + "AND p.nominator_count >= c.convergence_threshold) AS above_threshold, "
                + "(SELECT count(*) FROM " + s + ".round r WHERE r.campaign_id = c.campaign_id) AS rounds, "
                + "(SELECT max(r.round_number) FROM " + s + ".round r WHERE r.campaign_id = c.campaign_id "
                + "AND r.status = 'OPEN') AS open_round, "
                + "(SELECT count(*) FROM " + s + ".contact k WHERE k.campaign_id = c.campaign_id) AS contacted, "
                + "(SELECT count(k.responded_at) FROM " + s + ".contact k WHERE k.campaign_id = c.campaign_id) AS responded, "
                + "(SELECT coalesce(sum(p.nominator_count), 0) FROM " + s + ".person p "
                + "WHERE p.campaign_id = c.campaign_id) AS nominations "
                + "FROM " + s + ".campaign c";
    }

    private static final RowMapper<CampaignView> CAMPAIGN = (rs, n) -> {
        int contacted = rs.getInt("contacted");
        int responded = rs.getInt("responded");
        int people = rs.getInt("people");
        int seeds = rs.getInt("seed_people");
        return new CampaignView(new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("name"),
                rs.getString("description"), rs.getString("invitation_text"), rs.getInt("convergence_threshold"),
                rs.getInt("default_round_days"), rs.getBoolean("reminder_enabled"), rs.getInt("reminder_days_before"),
                rs.getString("status"), instant(rs, "created_at"), instant(rs, "completed_at"), people, seeds,
                people - seeds, rs.getInt("not_contacted"), rs.getInt("rounds"), (Integer) rs.getObject("open_round"),
                contacted, responded, contacted == 0 ? 0 : (double) responded / contacted, rs.getInt("nominations"),
                rs.getInt("above_threshold"));
    };

    /** A roster row with whether it is set aside (the as-of copies are made LIKE the tenant tables, so have it). */
    private static final RowMapper<PersonView> ROSTER_PERSON = (rs, n) -> new PersonView(
            new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("name"), rs.getString("email"),
            rs.getString("source"), (Integer) rs.getObject("entered_round"), (Integer) rs.getObject("contacted_round"),
            rs.getInt("nominator_count"), rs.getBoolean("set_aside"), rs.getString("set_aside_note"));
}
