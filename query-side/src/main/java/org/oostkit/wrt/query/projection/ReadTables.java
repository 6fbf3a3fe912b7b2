package org.oostkit.wrt.query.projection;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** One tenant's tables as the rules see them: rows found by key, changed in place and saved, wherever they live. */
public interface ReadTables {

    CampaignRow campaign(UUID campaign);

    RoundRow round(UUID round);

    PersonRow person(UUID campaign, UUID person);

    ContactRow contact(UUID invitation);

    /** The contacts (invitations) of one person of a campaign. */
    List<ContactRow> contactsOf(UUID campaign, UUID person);

    /** The nominator's current list, as edges. */
    List<NominationRow> nominationsBy(UUID campaign, UUID nominator);

    /** Every edge naming the nominee. */
    List<NominationRow> nominationsOf(UUID campaign, UUID nominee);

    /** A new row, or a changed one: it is written. */
    void save(Row row);

    void delete(Row row);

    /** Changes and saves the row if it exists; true, the answer of a rule that handled its event. */
    default <R extends Row> boolean change(R row, Consumer<R> change) {
        if (row != null) {
            change.accept(row);
            save(row);
        }
        return true;
    }

    /** Every row of the campaign, of every table, is gone. */
    void dropCampaign(UUID campaign);
}
