package org.oostkit.wrt.query.export;

import com.opencsv.ICSVWriter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.oostkit.wrt.query.time.LocalTimes;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ranked candidate list as CSV (RFC 4180: fields quoted where needed, CRLF line ends, UTF-8). Rows are
 * written as the read model streams them, so a large campaign is never held in memory as a whole.
 */
@Component
public class CandidateCsvExport {

    static final String[] HEADER = {"Rank", "Name", "Email", "Nominations", "Above threshold", "Source",
            "Rounds named", "Contacted in round", "First named at", "Reasons"};
    private static final int FIRST_NAMED = 8;

    private static final char BOM = '\uFEFF';

    private final CampaignReadModel campaigns;
    private final EffectiveZones zones;

    CandidateCsvExport(CampaignReadModel campaigns, EffectiveZones zones) {
        this.campaigns = campaigns;
        this.zones = zones;
    }

    /** The header, the time column naming the zone its values are in: "First named at (Europe/Amsterdam)". */
    static String[] header(ZoneId zone) {
        String[] header = HEADER.clone();
        header[FIRST_NAMED] = HEADER[FIRST_NAMED] + " (" + zone.getId() + ")";
        return header;
    }

    /**
     * Writes the candidates of the campaign passing the filter (null: all) to {@code out}, which is flushed
     * but left open for the caller. A campaign the organisation does not have yields the header alone.
     */
    public void write(OrganisationId organisation, CampaignId campaign, CandidateFilter filter, CsvOptions options,
                      OutputStream out) {
        CsvOptions csv = options == null ? CsvOptions.DEFAULT : options;
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // not closed: closing it would close the caller's stream (a servlet response, typically)
        ICSVWriter rows = CsvCells.writer(writer, csv.separator());
        try {
            if (csv.excelBom()) {
                writer.write(BOM);
            }
            ZoneId zone = zones.of(organisation, campaign);
            rows.writeNext(header(zone), false);
            failOnError(rows);
            campaigns.eachCandidate(organisation, campaign, filter == null ? CandidateFilter.ALL : filter, c -> {
                rows.writeNext(row(c, zone), false);
                // the writer swallows I/O errors; stop reading the database once the client has gone
                failOnError(rows);
            });
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] row(CandidateView c, ZoneId zone) {
        return new String[]{
                Integer.toString(c.rank()),
                CsvCells.neutralise(c.name()),
                CsvCells.neutralise(c.email()),
                Integer.toString(c.nominations()),
                c.aboveThreshold() ? "yes" : "no",
                CsvCells.neutralise(source(c.source())),
                c.rounds().stream().map(String::valueOf).collect(Collectors.joining(";")),
                c.contactedRound() == null ? "" : c.contactedRound().toString(),
                LocalTimes.iso(c.firstNominatedAt(), zone),
                CsvCells.neutralise(reasons(c.reasons()))};
    }

    /** "Ann Lee: leads the tenants' group", one per line in the cell, so no reason can be mistaken for the next. */
    static String reasons(List<ReasonView> reasons) {
        return reasons.stream().filter(ReasonView::hasReason)
                .map(r -> r.nominatorName() + ": " + r.reason().strip())
                .collect(Collectors.joining("\n"));
    }

    /** SEED or NOMINATED as a reader would say it. */
    static String source(String source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case "SEED" -> "seed";
            case "NOMINATED" -> "nominated";
            default -> source;
        };
    }

    private static void failOnError(ICSVWriter rows) {
        IOException failure = rows.getException();
        if (failure != null) {
            throw new UncheckedIOException("CSV export aborted", failure);
        }
    }
}
