package org.oostkit.wrt.api.campaign;

/** One person of a seed batch, with the line it came from (for the report back to the admin). */
public record SeedRow(int line, String name, String email) {
}
