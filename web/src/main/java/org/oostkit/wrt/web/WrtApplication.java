package org.oostkit.wrt.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Workshop Referral Tool: command side, query side and web in one Spring Boot application. */
@SpringBootApplication(scanBasePackages = "org.oostkit.wrt")
public class WrtApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; WRT's machines have no business doing that.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(WrtApplication.class, args);
    }
}
