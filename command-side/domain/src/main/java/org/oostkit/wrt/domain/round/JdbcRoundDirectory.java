package org.oostkit.wrt.domain.round;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class JdbcRoundDirectory implements RoundDirectory {

    private final JdbcTemplate jdbc;

    JdbcRoundDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isOpen(RoundId roundId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT open FROM round_directory WHERE round_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, roundId.value()));
    }

    @Override
    public boolean lockIfOpen(RoundId roundId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT open FROM round_directory WHERE round_id = ? FOR SHARE",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, roundId.value()));
    }

    @Override
    public int roundNumber(RoundId roundId) {
        Integer number = jdbc.query("SELECT round_number FROM round_directory WHERE round_id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, roundId.value());
        if (number == null) {
            throw new IllegalStateException("unknown round " + roundId);
        }
        return number;
    }

    @EventHandler
    void on(RoundStarted event) {
        jdbc.update("INSERT INTO round_directory (round_id, organisation_id, campaign_id, round_number, open) "
                        + "VALUES (?, ?, ?, ?, TRUE)", event.roundId().value(), event.organisationId().value(),
                event.campaignId().value(), event.roundNumber());
    }

    @EventHandler
    void on(RoundClosed event) {
        jdbc.update("UPDATE round_directory SET open = FALSE WHERE round_id = ?", event.roundId().value());
    }
}
