package org.familyview.frontdoor.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.familyview.extracts.Vocabulary;
import org.familyview.frontdoor.Rag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the concern rulesets ({@code config/concerns/*.yaml}) and checks them against the extract
 * vocabulary: an unknown event type, a misspelt key, a window that is not an ISO-8601 period, a
 * rule that can never fire. Every problem in every file is reported at once, as {@code file: rule
 * 'id': field: why}, so that a bad file stops the application at start-up with all its faults.
 */
public final class ConcernRules {

  private static final Set<String> TOP_KEYS =
      Set.of("ruleset", "name", "version", "plans", "authorities", "rules");
  private static final Set<String> PLAN_KEYS = Set.of("started-by", "ended-by", "lasts");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "label",
          "rag",
          "events",
          "within",
          "at-least",
          "about",
          "child-under",
          "or-on-plan",
          "on-plan",
          "with-events",
          "household-with-child",
          "moved-between-authorities");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Vocabulary VOCABULARY = Vocabulary.standard();

  private ConcernRules() {}

  /** Every ruleset in a folder; throws {@link ConcernRulesInvalid} listing every problem. */
  public static List<ConcernRule.Ruleset> load(Path folder) {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new ConcernRulesInvalid(
          List.of("cannot read the concerns folder " + folder + ": " + e));
    }
    List<ConcernRule.Ruleset> rulesets = new ArrayList<>();
    Set<String> ruleIds = new HashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        ConcernRule.Ruleset r = parse(name, Files.readString(file), problems);
        if (r != null) {
          r.rules().stream()
              .filter(rule -> !ruleIds.add(rule.id()))
              .forEach(
                  rule -> problems.add(name + ": rule '" + rule.id() + "': id: is used twice"));
          rulesets.add(r);
        }
      } catch (IOException e) {
        problems.add(name + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConcernRulesInvalid(problems);
    }
    return List.copyOf(rulesets);
  }

  /** One ruleset from YAML text; throws {@link ConcernRulesInvalid} listing every problem. */
  public static ConcernRule.Ruleset parse(String file, String yaml) {
    List<String> problems = new ArrayList<>();
    ConcernRule.Ruleset r = parse(file, yaml, problems);
    if (r == null || !problems.isEmpty()) {
      throw new ConcernRulesInvalid(problems);
    }
    return r;
  }

  private static ConcernRule.@Nullable Ruleset parse(
      String file, String yaml, List<String> problems) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(yaml);
    } catch (RuntimeException e) {
      problems.add(
          file + ": not readable YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(file + ": must be a mapping with ruleset, name, version, plans, rules");
      return null;
    }
    int before = problems.size();
    unknownKeys(file, root, TOP_KEYS, problems);
    String id = text(file, root, "ruleset", problems);
    String name = text(file, root, "name", problems);
    String version = text(file, root, "version", problems);
    JsonNode plans = root.path("plans");
    unknownKeys(file + ": plans", plans, PLAN_KEYS, problems);
    Set<String> starts = types(file + ": plans", plans, "started-by", problems);
    Set<String> ends = types(file + ": plans", plans, "ended-by", problems);
    Period lasts = period(file + ": plans", plans, "lasts", Period.ofYears(2), problems);
    Map<String, List<String>> authorities = authorities(file, root.path("authorities"), problems);
    List<ConcernRule> rules = new ArrayList<>();
    JsonNode nodes = root.path("rules");
    if (!nodes.isArray() || nodes.isEmpty()) {
      problems.add(file + ": rules: must be a list of at least one rule");
    } else {
      int n = 0;
      for (JsonNode node : nodes) {
        ConcernRule rule = rule(file, ++n, node, problems);
        if (rule != null) {
          rules.add(rule);
          if (rule.movedBetweenAuthorities() && authorities.isEmpty()) {
            problems.add(
                file + ": rule '" + rule.id() + "': moved-between-authorities needs authorities");
          }
          if ((rule.onPlan() || rule.orOnPlan() || rule.movedBetweenAuthorities())
              && starts.isEmpty()) {
            problems.add(
                file + ": rule '" + rule.id() + "': a plan condition needs plans.started-by");
          }
        }
      }
    }
    return problems.size() > before
        ? null
        : new ConcernRule.Ruleset(id, name, version, starts, ends, lasts, authorities, rules, file);
  }

  private static @Nullable ConcernRule rule(
      String file, int n, JsonNode node, List<String> problems) {
    String id = node.path("id").asString("");
    String where = file + ": rule '" + (id.isEmpty() ? "#" + n : id) + "'";
    int before = problems.size();
    if (!ID.matcher(id).matches()) {
      problems.add(where + ": id: must be lower-case words joined by hyphens");
    }
    unknownKeys(where, node, RULE_KEYS, problems);
    String label = text(where, node, "label", problems);
    Rag rag = rag(where, node, problems);
    boolean moved = node.path("moved-between-authorities").asBoolean(false);
    Set<String> events = types(where, node, "events", problems);
    if (events.isEmpty() && !moved) {
      problems.add(where + ": events: must list at least one event type");
    }
    Period within = period(where, node, "within", null, problems);
    int atLeast = node.path("at-least").asInt(1);
    if (atLeast < 1) {
      problems.add(where + ": at-least: must be 1 or more");
    }
    String about = node.path("about").asString("any");
    if (!about.equals("any") && !about.equals("child")) {
      problems.add(where + ": about: must be child or any");
    }
    Integer under = node.has("child-under") ? node.get("child-under").asInt(-1) : null;
    if (under != null && (under < 1 || under > 18)) {
      problems.add(where + ": child-under: must be an age from 1 to 18");
    }
    boolean orOnPlan = node.path("or-on-plan").asBoolean(false);
    if (orOnPlan && under == null) {
      problems.add(where + ": or-on-plan: only goes with child-under");
    }
    Set<String> with = types(where, node, "with-events", problems);
    if (problems.size() > before || within == null) {
      return null;
    }
    return new ConcernRule(
        id,
        label,
        rag,
        events,
        within,
        atLeast,
        about.equals("child") || under != null,
        under,
        orOnPlan,
        node.path("on-plan").asBoolean(false),
        with,
        node.path("household-with-child").asBoolean(false),
        moved);
  }

  private static Rag rag(String where, JsonNode node, List<String> problems) {
    String value = node.path("rag").asString("");
    try {
      return Rag.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": rag: must be RED, AMBER or GREEN, not '" + value + "'");
      return Rag.AMBER;
    }
  }

  private static Set<String> types(String where, JsonNode node, String key, List<String> problems) {
    JsonNode list = node.get(key);
    Set<String> types = new LinkedHashSet<>();
    if (list == null) {
      return types;
    }
    if (!list.isArray()) {
      problems.add(where + ": " + key + ": must be a list of event types");
      return types;
    }
    for (JsonNode t : list) {
      String type = t.asString("");
      if (VOCABULARY.byCode(type).isEmpty()) {
        problems.add(
            where + ": " + key + ": '" + type + "' is not an event type of the vocabulary");
      }
      types.add(type);
    }
    return types;
  }

  private static @Nullable Period period(
      String where, JsonNode node, String key, @Nullable Period fallback, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null) {
      if (fallback == null) {
        problems.add(where + ": " + key + ": is missing (an ISO-8601 period such as P12M)");
      }
      return fallback;
    }
    try {
      Period p = Period.parse(value.asString(""));
      if (p.isNegative() || p.isZero()) {
        problems.add(where + ": " + key + ": must be longer than zero");
      }
      return p;
    } catch (DateTimeParseException e) {
      problems.add(where + ": " + key + ": '" + value.asString("") + "' is not a period like P12M");
      return fallback;
    }
  }

  private static Map<String, List<String>> authorities(
      String file, JsonNode node, List<String> problems) {
    Map<String, List<String>> authorities = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return authorities;
    }
    if (!node.isObject()) {
      problems.add(file + ": authorities: must map each authority to its postcode districts");
      return authorities;
    }
    for (var e : node.properties()) {
      List<String> prefixes = new ArrayList<>();
      e.getValue().forEach(p -> prefixes.add(p.asString("").toUpperCase(Locale.ROOT)));
      if (prefixes.isEmpty() || prefixes.stream().anyMatch(String::isBlank)) {
        problems.add(file + ": authorities: " + e.getKey() + ": must list postcode districts");
      }
      authorities.put(e.getKey(), prefixes);
    }
    return authorities;
  }

  private static String text(String where, JsonNode node, String key, List<String> problems) {
    String value = node.path(key).asString("");
    if (value.isBlank()) {
      problems.add(where + ": " + key + ": is missing");
    }
    return value;
  }

  private static void unknownKeys(
      String where, JsonNode node, Set<String> known, List<String> problems) {
    if (!node.isObject()) {
      return;
    }
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        problems.add(
            where
                + ": "
                + key
                + ": is not a known key (one of "
                + new java.util.TreeSet<>(known)
                + ")");
      }
    }
  }
}
