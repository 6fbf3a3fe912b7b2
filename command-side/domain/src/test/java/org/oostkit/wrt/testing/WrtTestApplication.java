package org.oostkit.wrt.testing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side (and the query side, where it is on the class path) as one application for tests. */
@SpringBootApplication(scanBasePackages = {"org.oostkit.wrt.domain", "org.oostkit.wrt.query"})
public class WrtTestApplication {
}
