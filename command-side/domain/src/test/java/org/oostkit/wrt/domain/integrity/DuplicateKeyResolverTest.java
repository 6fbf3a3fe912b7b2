package org.oostkit.wrt.domain.integrity;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void postgresUniqueViolationAnywhereInTheChainIsADuplicateKey() {
        // as the driver reports a batch append: vendor code 0, the SQLSTATE on the cause
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505", 0);
        BatchUpdateException batch = new BatchUpdateException("batch failed", "23505", 0, new int[0], unique);
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("wrapped", unique))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection lost", "08006", 0))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null", "23502", 0))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
