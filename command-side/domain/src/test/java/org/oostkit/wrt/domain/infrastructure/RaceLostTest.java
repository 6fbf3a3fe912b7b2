package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the command gateway retries: lost races and deadlocks, never a broken rule. */
class RaceLostTest {

    @Test
    @DisplayName("a lost append, a database lock or deadlock, and a deadlock between this instance's threads are retried")
    void racesAreRetried() {
        assertThat(CommandSideConfiguration.isRaceLost(new ConcurrencyException("appended first"))).isTrue();
        assertThat(CommandSideConfiguration.isRaceLost(new CannotAcquireLockException("40P01 deadlock"))).isTrue();
        assertThat(CommandSideConfiguration.isRaceLost(new DeadlockException("two threads"))).isTrue();
        assertThat(CommandSideConfiguration.isRaceLost(new CommandExecutionException("wrapped",
                new ConcurrencyException("appended first")))).isTrue();
    }

    @Test
    @DisplayName("a broken rule or a constraint that is not a race is answered at once")
    void rulesAreNotRetried() {
        assertThat(CommandSideConfiguration.isRaceLost(new RuleViolation(Rule.SELF_NOMINATION, "yourself"))).isFalse();
        assertThat(CommandSideConfiguration.isRaceLost(new DataIntegrityViolationException("not null"))).isFalse();
        assertThat(CommandSideConfiguration.isRaceLost(new IllegalStateException("bug"))).isFalse();
    }
}
