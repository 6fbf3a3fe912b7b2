package org.oostkit.wrt.web.support;

import org.oostkit.wrt.web.security.ReadOnlyAction;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisation routes of every kind for the security tests, so that they test something even before the
 * feature controllers exist; with those present, the route walk covers them too.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProbeRoutes.Probe.class)
public class ProbeRoutes {

    @RestController
    public static class Probe {

        @GetMapping("/org/{slug}/probe")
        public String read(@PathVariable String slug) {
            return "read " + slug;
        }

        @PostMapping("/org/{slug}/probe")
        public String change(@PathVariable String slug) {
            return "changed " + slug;
        }

        @ReadOnlyAction
        @PostMapping("/org/{slug}/probe/check")
        public String check(@PathVariable String slug) {
            return "checked " + slug;
        }

        @PutMapping("/org/{slug}/probe/{id}")
        public String replace(@PathVariable String slug, @PathVariable String id) {
            return "replaced " + id;
        }

        @DeleteMapping("/org/{slug}/probe/{id}")
        public String delete(@PathVariable String slug, @PathVariable String id) {
            return "deleted " + id;
        }

        @PostMapping("/org/{slug}/nominate/probe")
        public String nominate(@PathVariable String slug) {
            return "nominated " + slug;
        }

        @GetMapping("/signed-in/probe")
        public String signedIn() {
            return "signed in";
        }

        @GetMapping("/org/{slug}/nominate/probe-failure")
        public String boom() {
            throw new IllegalStateException("secret internals must not show");
        }
    }
}
