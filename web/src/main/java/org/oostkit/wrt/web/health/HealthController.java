package org.oostkit.wrt.web.health;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the process is alive. {@code GET /health/ready}: it can serve, the database
 * answers; 503 otherwise. No authentication, no details beyond the status.
 */
@RestController
class HealthController {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    HealthController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/health")
    Map<String, Object> live() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("timestamp", clock.instant().toString());
        return body;
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        boolean database;
        try {
            Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
            database = one != null && one == 1;
        } catch (RuntimeException e) {
            database = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "ready" : "not_ready");
        body.put("checks", Map.of("database", Map.of("status", database ? "ok" : "error")));
        return ResponseEntity.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
