package org.oostkit.wrt.web;

import org.oostkit.wrt.web.audit.IntegrityCommandLine;
import org.oostkit.wrt.web.operator.OperatorCli;
import org.oostkit.wrt.web.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

import java.util.Arrays;

/**
 * The Workshop Referral Tool: command side, query side and web in one Spring Boot application. With
 * {@code org …}, {@code integrity verify …} or {@code replay …} arguments it runs one operator command instead
 * of the server (see {@link OperatorCli}, {@link IntegrityCommandLine}, {@link ReplayCommand}).
 */
// no user/password store: people sign in with mailed links or through the Portal, so Spring's generated
// password (and its console line suggesting a password login) must not exist
@SpringBootApplication(scanBasePackages = "org.oostkit.wrt", exclude = UserDetailsServiceAutoConfiguration.class)
public class WrtApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; WRT's machines have no business doing that.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        if (OperatorCli.wanted(args)) {
            System.exit(OperatorCli.run(args, System.out, System.err, WrtApplication.class));
        }
        if (IntegrityCommandLine.handles(args)) {
            System.exit(IntegrityCommandLine.run(WrtApplication.class, args, System.out, System.err));
        }
        if (isReplay(args)) {
            System.exit(ReplayCommand.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(WrtApplication.class, args);
    }

    private static boolean isReplay(String[] args) {
        return args.length > 0 && "replay".equals(args[0]);
    }
}
