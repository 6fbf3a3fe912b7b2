package org.oostkit.wrt.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxyValveTest {

    @Test
    void addressesAndRangesAreTrustedAndNothingElse() {
        TrustedProxyValve valve = new TrustedProxyValve(TrustedProxyValve.parse("127.0.0.0/8, ::1, 10.244.0.0/16"));
        assertThat(valve.trusts("127.0.0.1")).isTrue();
        assertThat(valve.trusts("10.244.3.7")).isTrue();
        assertThat(valve.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(valve.trusts("10.245.0.1")).isFalse();
        assertThat(valve.trusts("192.168.1.1")).as("private, but not listed").isFalse();
        assertThat(valve.trusts("localhost")).as("names are never resolved").isFalse();
        assertThat(valve.trusts(null)).isFalse();
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(new TrustedProxyValve(TrustedProxyValve.parse("")).trusts("127.0.0.1")).isFalse();
    }

    @Test
    void aWrongEntryStopsTheStartNamingIt() {
        assertThatThrownBy(() -> TrustedProxyValve.parse("10.0.0.0/8, proxy.internal"))
                .hasMessageContaining("WRT_TRUSTED_PROXIES").hasMessageContaining("proxy.internal");
    }
}
