// The portal load benchmark's driver: 20 concurrent users (virtual threads, java.net.http) with
// real Keycloak bearer tokens issuing searches and chronology reads against a running app, then
// p50/p95/p99 and throughput per kind of request. A single-file program: `java PortalBench.java`.
// Bounded by --seconds; sends traffic to the given localhost URLs only.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PortalBench {

  record Sample(String kind, long nanos, int status) {}

  static final Pattern PERSON = Pattern.compile("\"personId\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern FAMILY = Pattern.compile("\"familyId\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String app = opt.getOrDefault("app", "http://localhost:8080");
    String keycloak = opt.getOrDefault("keycloak", "http://localhost:8180");
    int users = Integer.parseInt(opt.getOrDefault("users", "20"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
    // 0: each user sends the next request the moment the last is answered (20 requests always in
    // flight, the strict reading of "20 concurrent users"); otherwise a user reads for a random
    // time around this many milliseconds between requests, as people at a screen do.
    int thinkMs = Integer.parseInt(opt.getOrDefault("think-ms", "0"));
    // The share of searches among requests (the rest: 60 % person and 40 % family chronologies);
    // 1 to load the search path alone when tuning it.
    double searchShare = Double.parseDouble(opt.getOrDefault("search-share", "0.5"));
    List<String> queries = Files.readAllLines(Path.of(opt.get("queries")));
    // Keyworkers look for the people on their own caseload; leads for anyone.
    List<String> caseloadQueries =
        Files.readAllLines(Path.of(opt.getOrDefault("keyworker-queries", opt.get("queries"))));
    List<String> persons = Files.readAllLines(Path.of(opt.get("persons")));
    List<String> families = Files.readAllLines(Path.of(opt.get("families")));
    // Leads may read any family; keyworkers read what their searches show them (trimmed to their
    // caseload), so a denied read is a finding, not noise: it is counted apart.
    List<String> logins = List.of(opt.getOrDefault("logins", "lead,keyworker1,keyworker2").split(","));

    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    Map<String, String> tokens = new ConcurrentHashMap<>();
    for (String login : logins) {
      tokens.put(login, token(http, keycloak, login, opt.getOrDefault("password", "demo")));
    }
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    long warmEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    long end = warmEnd + Duration.ofSeconds(seconds).toNanos();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int u = 0; u < users; u++) {
        String login = logins.get(u % logins.size());
        Random random = new Random(42 + u);
        boolean lead = login.startsWith("lead");
        List<String> seenPersons = new ArrayList<>();
        List<String> seenFamilies = new ArrayList<>();
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                if (thinkMs > 0) {
                  Thread.sleep(random.nextInt(2 * thinkMs + 1));
                }
                String token = tokens.get(login);
                double roll = random.nextDouble();
                double dice =
                    roll < searchShare ? roll / searchShare * 0.5 : 0.5 + (roll - searchShare) / (1 - searchShare) * 0.5;
                String kind;
                String path;
                // A keyworker opens what their own searches showed them (their caseload); a lead
                // opens any person or family.
                List<String> personPool = lead ? persons : seenPersons;
                List<String> familyPool = lead ? families : seenFamilies;
                if (dice >= 0.5 && dice < 0.8 && personPool.isEmpty()
                    || dice >= 0.8 && familyPool.isEmpty()) {
                  dice = 0;
                }
                if (dice < 0.5) {
                  kind = "search";
                  path =
                      "/api/search?q="
                          + URLEncoder.encode(
                              typo(
                                  lead
                                      ? queries.get(random.nextInt(queries.size()))
                                      : caseloadQueries.get(random.nextInt(caseloadQueries.size())),
                                  random),
                              StandardCharsets.UTF_8);
                } else if (dice < 0.8) {
                  kind = "person chronology";
                  path = "/api/persons/" + personPool.get(random.nextInt(personPool.size())) + "/chronology";
                } else {
                  kind = "family chronology";
                  path =
                      "/api/families/" + familyPool.get(random.nextInt(familyPool.size())) + "/chronology";
                }
                try {
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(app + path))
                          .header("Authorization", "Bearer " + token)
                          .timeout(Duration.ofSeconds(30))
                          .build();
                  long start = System.nanoTime();
                  HttpResponse<byte[]> response =
                      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long took = System.nanoTime() - start;
                  answered.incrementAndGet();
                  if (response.statusCode() == 401) {
                    tokens.put(login, token(http, keycloak, login, opt.getOrDefault("password", "demo")));
                    continue;
                  }
                  if (kind.equals("search") && response.statusCode() == 200) {
                    String body = new String(response.body(), StandardCharsets.UTF_8);
                    remember(PERSON.matcher(body), seenPersons);
                    remember(FAMILY.matcher(body), seenFamilies);
                  }
                  if (start > warmEnd) {
                    samples.add(new Sample(kind, took, response.statusCode()));
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
              }
              return null;
            });
      }
    }
    Map<String, List<Sample>> byKind = new TreeMap<>();
    for (Sample s : samples) {
      byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    System.out.printf(
        "%d users (%s) for %d s after %d s warm-up, %s; %d transport errors; latency of HTTP 200 only%n",
        users, String.join(",", logins), seconds, warmup,
        thinkMs == 0 ? "no pause between requests" : "pausing 0-" + 2 * thinkMs + " ms between requests",
        errors.get());
    System.out.printf("%d responses in all, warm-up included%n", answered.get());
    System.out.printf(
        "%-18s %8s %8s %8s %8s %8s %9s  %s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms",
        "max ms", "per s", "statuses");
    for (var entry : byKind.entrySet()) {
      // Latency of answered requests only; refusals and errors show in the statuses column.
      List<Long> nanos =
          new ArrayList<>(
              entry.getValue().stream().filter(s -> s.status() == 200).map(Sample::nanos).toList());
      if (nanos.isEmpty()) {
        nanos.add(0L);
      }
      Collections.sort(nanos);
      Map<Integer, Long> statuses = new TreeMap<>();
      entry.getValue().forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
      System.out.printf(
          "%-18s %8d %8.1f %8.1f %8.1f %8.1f %9.1f  %s%n",
          entry.getKey(),
          nanos.size(),
          pct(nanos, 0.50),
          pct(nanos, 0.95),
          pct(nanos, 0.99),
          nanos.getLast() / 1e6,
          nanos.size() / (double) seconds,
          statuses);
    }
  }

  static void remember(Matcher ids, List<String> seen) {
    while (ids.find()) {
      if (seen.size() >= 200) {
        seen.remove(0);
      }
      seen.add(ids.group(1));
    }
  }

  static double pct(List<Long> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  /** One keying slip in the name part of a query, as people make them: a swap, a drop, a double. */
  static String typo(String query, Random random) {
    String[] parts = query.split(" ", 2);
    String name = parts[0];
    if (name.length() > 4 && random.nextBoolean()) {
      int i = 1 + random.nextInt(name.length() - 3);
      name =
          switch (random.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            default -> name.substring(0, i) + name.charAt(i) + name.substring(i);
          };
    }
    return parts.length == 1 ? name : name + " " + parts[1];
  }

  static String token(HttpClient http, String keycloak, String user, String password)
      throws Exception {
    String form =
        "grant_type=password&client_id=familyview-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/familyview/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no token for " + user + ": HTTP " + response.statusCode());
    }
    return m.group(1);
  }
}
