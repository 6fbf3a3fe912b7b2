package org.oostkit.wrt.adapters.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.adapters.mail.Instances.Instance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * Scale-out on one machine: a round's fan-out (every invitation handed to SMTP and recorded) and nominators
 * answering over HTTP (link, code, verification, submission), first with one application instance, then with
 * two on the same database, requests alternating between them. Each instance is a JVM of its own; the CPU each
 * process group used (the instances, PostgreSQL, this JVM with the SMTP server and the HTTP clients) is read
 * from /proc, to say where the time went. Figures go to {@code web/target/benchmarks/scale-out.md}. Run with
 * {@code ./mvnw -B -Pbenchmark -pl web -am verify -Dtest=ScaleOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ScaleOutBenchmark {

    private static final int CONTACTS = Integer.getInteger("wrt.benchmark.scale.contacts", 2_000);
    private static final int NOMINATORS = Integer.getInteger("wrt.benchmark.scale.nominators", 120);
    private static final int CLIENTS = 8;
    private static final String DOMAIN = "scale.test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");

    private final SmtpServer smtp = new SmtpServer(true).start();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Instances> running = new ArrayList<>();
    private final AtomicInteger serverErrors = new AtomicInteger();

    @AfterEach
    void stopAll() {
        running.forEach(Instances::close);
        contexts.forEach(ConfigurableApplicationContext::close);
        smtp.stop();
    }

    @Test
    void oneInstanceAgainstTwo() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# Scale-out, " + LocalDate.now() + ": " + CONTACTS + " contacts fanned out, " + NOMINATORS
                + " nominators over HTTP (" + CLIENTS + " clients)");
        lines.add("");
        lines.add("| instances | fan-out | nominators | CPU s during fan-out: instances / PostgreSQL / test JVM "
                + "| CPU s during nominators: instances / PostgreSQL / test JVM |");
        lines.add("|---|---|---|---|---|");
        double[] one = run(1, lines);
        double[] two = run(2, lines);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "two / one: fan-out %.2f× the mails/s, nominators %.2f× the answers/s "
                + "(machine: %d cores)", two[0] / one[0], two[1] / one[1], Runtime.getRuntime().availableProcessors()));
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.write(dir.resolve("scale-out.md"), lines);
        lines.forEach(System.out::println);
    }

    /** Answers mails/s and nominators/s. */
    private double[] run(int count, List<String> lines) throws Exception {
        smtp.stop();
        smtp.start();
        TestDatabase.Coordinates db = TestDatabase.fresh();
        Instances instances = new Instances(db, TwoInstancesIntegrationTest.settings(smtp.port()).stream()
                .map(s -> s.startsWith("--wrt.mail.sender.threads=") ? "--wrt.mail.sender.threads=16" : s)
                .map(s -> s.startsWith("--spring.datasource.hikari") ? "--spring.datasource.hikari.maximum-pool-size=24"
                        : s).toList());
        running.add(instances);
        List<Instance> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(instances.launch("bench-" + count + "-" + i));
        }
        ConfigurableApplicationContext admin = adminInstance(db);
        JdbcTemplate jdbc = admin.getBean(JdbcTemplate.class);
        Wrt wrt = new Wrt(admin.getBean(CommandGateway.class));
        Actor adminActor = Actor.admin("admin@" + DOMAIN);
        OrganisationId org = OrganisationId.random();
        String slug = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        wrt.send(new RegisterOrganisation(org, slug, "Scale", List.of("admin@" + DOMAIN), List.of()), Actor.OPERATOR);
        CampaignId campaign = CampaignId.random();
        wrt.send(new CreateCampaign(campaign, org, CampaignSettings.named("Scale")), adminActor);
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 1; i <= CONTACTS; i++) {
            rows.add(new SeedRow(i, "Seed " + i, "seed" + i + "@" + DOMAIN));
        }
        wrt.send(new AddSeedPeople(campaign, org, rows), adminActor);
        Instances.awaitStarted(started.toArray(Instance[]::new));

        Cpu cpu = new Cpu(started, jdbc);
        long start = System.nanoTime();
        RoundId round = wrt.startRound(org, campaign, adminActor, Duration.ofDays(10));
        await("fan-out", Duration.ofMinutes(10), () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND recorded", Integer.class) == CONTACTS);
        double fanOut = (System.nanoTime() - start) / 1e9;
        String fanOutCpu = cpu.since();

        EventLog events = new EventLog(admin.getBean(EventStorageEngine.class));
        ConcurrentLinkedQueue<ContactInvited> work = new ConcurrentLinkedQueue<>(events.payloads(ContactInvited.class,
                e -> e.roundId().equals(round)).subList(0, NOMINATORS));
        List<String> bases = started.stream().map(Instance::base).toList();
        AtomicInteger next = new AtomicInteger();
        cpu = new Cpu(started, jdbc);
        serverErrors.set(0);
        start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            futures.add(pool.submit(() -> {
                ContactInvited nominator;
                while ((nominator = work.poll()) != null) {
                    nominate(bases, next, slug, nominator.email());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double answering = (System.nanoTime() - start) / 1e9;
        String answeringCpu = cpu.since();
        assertThat(events.payloads(NominationSubmitted.class, e -> e.campaignId().equals(campaign))).hasSize(NOMINATORS);

        lines.add(String.format(Locale.ROOT, "| %d | %.1f s (%.0f mails/s) | %.1f s (%.1f nominators/s, %.0f requests/s, "
                        + "%d answered 500 and sent again) | %s | %s |", count, fanOut, CONTACTS / fanOut, answering,
                NOMINATORS / answering, NOMINATORS * 7 / answering, serverErrors.get(), fanOutCpu, answeringCpu));
        System.out.println("SCALE-OUT " + lines.get(lines.size() - 1));
        instances.close();
        admin.close();
        contexts.remove(admin);
        return new double[] {CONTACTS / fanOut, NOMINATORS / answering};
    }

    private void nominate(List<String> bases, AtomicInteger next, String slug, String email) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "/org/" + slug + "/nominate/";
        String token = mail(email, Pattern.compile("/org/" + slug + "/nominate/([A-Za-z0-9_-]{20,})"));
        HttpResponse<String> landing = send(client, bases, next, base + token, null);
        send(client, bases, next, base + "request-link", csrf(landing), "token", token, "email", email);
        String code = mail(email, CODE);
        HttpResponse<String> codePage = send(client, bases, next, base + "verify", null);
        send(client, bases, next, base + "verify/code", csrf(codePage), "code", code);
        HttpResponse<String> form = send(client, bases, next, base + "form", null);
        String local = email.substring(0, email.indexOf('@'));
        HttpResponse<String> done = send(client, bases, next, base + "submit", csrf(form), "action", "save",
                "name", "Named by " + local, "email", "named-" + local + "@" + DOMAIN, "reason", "",
                "name", "Shared", "email", "shared@" + DOMAIN, "reason", "");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    }

    private HttpResponse<String> send(HttpClient client, List<String> bases, AtomicInteger next, String path,
                                      String csrf, String... pairs) {
        URI uri = URI.create(bases.get(Math.floorMod(next.getAndIncrement(), bases.size())) + path);
        HttpRequest request;
        if (csrf == null) {
            request = HttpRequest.newBuilder(uri).GET().build();
        } else {
            StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < pairs.length; i += 2) {
                body.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
            request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // a command that lost its race for the campaign more often than the gateway retries: counted, sent again
            for (int attempt = 1; response.statusCode() >= 500 && attempt <= 10; attempt++) {
                serverErrors.incrementAndGet();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(response.statusCode()).as(uri + ": " + response.body()).isLessThan(400);
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String mail(String to, Pattern pattern) {
        String[] found = new String[1];
        await("a mail to " + to, Duration.ofSeconds(60), () -> {
            var mails = smtp.to(to);
            for (int i = mails.size() - 1; i >= 0; i--) {
                Matcher matcher = pattern.matcher(SmtpServer.text(mails.get(i)));
                if (matcher.find()) {
                    found[0] = matcher.group(1);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in " + page.uri()).isTrue();
        return matcher.group(1);
    }

    private ConfigurableApplicationContext adminInstance(TestDatabase.Coordinates db) {
        List<String> arguments = new ArrayList<>(Instances.arguments(db));
        arguments.addAll(TwoInstancesIntegrationTest.settings(smtp.port()));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class)
                .run(arguments.toArray(String[]::new));
        contexts.add(context);
        context.getBean(OutboxSender.class).stop();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).forEach(p -> p.shutDown());
        context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).stop();
        return context;
    }

    /**
     * CPU seconds used since creation by the instances, by this database's PostgreSQL backends (the
     * connections the pools hold; other databases' work on the machine is left out), and by this JVM.
     */
    private static final class Cpu {

        private final List<Instance> instances;
        private final JdbcTemplate jdbc;
        private final double app;
        private final double self;
        private final java.util.Map<Long, Double> backends = new java.util.HashMap<>();

        Cpu(List<Instance> instances, JdbcTemplate jdbc) {
            this.instances = instances;
            this.jdbc = jdbc;
            this.app = app();
            this.self = seconds(ProcessHandle.current().pid());
            backends().forEach(pid -> backends.put(pid, seconds(pid)));
        }

        String since() {
            double postgres = 0;
            for (long pid : backends()) {
                postgres += seconds(pid) - backends.getOrDefault(pid, 0.0);
            }
            return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", app() - app, postgres,
                    seconds(ProcessHandle.current().pid()) - self);
        }

        private double app() {
            return instances.stream().mapToDouble(instance -> seconds(instance.process().pid())).sum();
        }

        private List<Long> backends() {
            return jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Long.class);
        }

        /** utime + stime of a process, from /proc/PID/stat (clock ticks of 1/100 s). */
        private static double seconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
