package org.oostkit.wrt.web.settings;

import org.oostkit.wrt.adapters.mail.MailLogos;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The organisations' logos as stored (re-encoded PNGs, table {@code organisation_logo}). */
@Component
public class OrganisationLogos implements MailLogos {

    /** A stored logo. */
    public record Logo(byte[] png, String sha256, int width, int height) {
    }

    private final JdbcTemplate jdbc;

    OrganisationLogos(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Logo> find(UUID organisation) {
        return jdbc.query("SELECT png, sha256, width, height FROM organisation_logo WHERE organisation_id = ?",
                (rs, n) -> new Logo(rs.getBytes("png"), rs.getString("sha256"), rs.getInt("width"),
                        rs.getInt("height")), organisation).stream().findFirst();
    }

    /** The logo of the organisation with this slug, as its public address serves it. */
    public Optional<Logo> bySlug(String slug) {
        return jdbc.query("SELECT png, sha256, width, height FROM organisation_logo WHERE slug = ?",
                (rs, n) -> new Logo(rs.getBytes("png"), rs.getString("sha256"), rs.getInt("width"),
                        rs.getInt("height")), slug).stream().findFirst();
    }

    /**
     * The address of the organisation's logo, or empty without one; it names the image's hash, so a changed logo
     * has a new address and the old one may be cached for long.
     */
    public Optional<String> href(String slug) {
        return jdbc.queryForList("SELECT sha256 FROM organisation_logo WHERE slug = ?", String.class, slug).stream()
                .findFirst().map(sha -> "/org/" + slug + "/logo.png?v=" + sha.substring(0, 16));
    }

    @Override
    public Optional<byte[]> png(UUID organisation) {
        return find(organisation).map(Logo::png);
    }

    void save(UUID organisation, String slug, Logo logo) {
        jdbc.update("""
                INSERT INTO organisation_logo (organisation_id, slug, png, sha256, width, height, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (organisation_id) DO UPDATE SET png = EXCLUDED.png, sha256 = EXCLUDED.sha256,
                    width = EXCLUDED.width, height = EXCLUDED.height, changed_at = now()
                """, organisation, slug, logo.png(), logo.sha256(), logo.width(), logo.height());
    }

    void remove(UUID organisation) {
        jdbc.update("DELETE FROM organisation_logo WHERE organisation_id = ?", organisation);
    }
}
