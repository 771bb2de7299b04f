package org.familyview.criteria;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.familyview.extracts.Detail;
import org.familyview.extracts.EventRole;
import org.familyview.extracts.EventType;
import org.familyview.extracts.Vocabulary;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the criteria rulesets ({@code config/criteria/*.yaml}, one framework a file) and checks
 * them against the extract vocabulary: an unknown event type, detail or role, a misspelt key, a
 * window that is not an ISO-8601 period, a threshold below one. Every problem in every file is
 * reported at once as {@code file: need 'id': evidence N: field: why}.
 */
public final class Rulesets {

  private static final Set<String> TOP_KEYS =
      Set.of("framework", "name", "version", "eligible-with", "needs");
  private static final Set<String> NEED_KEYS = Set.of("id", "label", "evidence");
  private static final Set<String> THRESHOLD_KEYS =
      Set.of("at-least", "at-least-total", "at-least-members", "at-least-for-one-member");
  private static final Set<String> EVIDENCE_KEYS =
      Set.of(
          "description",
          "events",
          "details",
          "roles",
          "members",
          "within",
          "at-least",
          "at-least-total",
          "at-least-members",
          "at-least-for-one-member");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> ROLES =
      Arrays.stream(EventRole.values())
          .map(r -> r.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private Rulesets() {}

  /** Every ruleset in a folder, by framework id; throws {@link RulesetInvalid} listing all. */
  public static Map<String, Ruleset> load(Path folder) {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new RulesetInvalid(List.of("cannot read the criteria folder " + folder + ": " + e));
    }
    if (files.isEmpty()) {
      problems.add("no criteria rulesets (*.yaml) in " + folder);
    }
    Map<String, Ruleset> rulesets = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        problems.add(name + ": cannot be read (" + e.getMessage() + ")");
        continue;
      }
      Ruleset ruleset = parse(name, text, problems);
      if (ruleset != null) {
        Ruleset earlier = rulesets.putIfAbsent(ruleset.framework(), ruleset);
        if (earlier != null) {
          problems.add(
              name
                  + ": framework: '"
                  + ruleset.framework()
                  + "' is already defined by "
                  + earlier.source());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RulesetInvalid(problems);
    }
    return rulesets;
  }

  /** One ruleset from YAML text; throws {@link RulesetInvalid} listing every problem. */
  public static Ruleset parse(String file, String yamlText) {
    List<String> problems = new ArrayList<>();
    Ruleset ruleset = parse(file, yamlText, problems);
    if (!problems.isEmpty() || ruleset == null) {
      throw new RulesetInvalid(problems);
    }
    return ruleset;
  }

  private static @Nullable Ruleset parse(String file, String yamlText, List<String> problems) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(yamlText);
    } catch (RuntimeException e) {
      problems.add(file + ": not readable YAML (" + firstLine(e.getMessage()) + ")");
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(
          file + ": must be a mapping with framework, name, version, eligible-with, needs");
      return null;
    }
    int before = problems.size();
    unknownKeys(file, root, TOP_KEYS, problems);
    String framework = text(file, root, "framework", problems);
    String name = text(file, root, "name", problems);
    String version = text(file, root, "version", problems);
    int eligibleWith = positive(file, root, "eligible-with", problems);
    List<Need> needs = new ArrayList<>();
    JsonNode needNodes = root.get("needs");
    if (needNodes == null || !needNodes.isArray() || needNodes.isEmpty()) {
      problems.add(file + ": needs: must be a list of at least one need");
    } else {
      Set<String> ids = new HashSet<>();
      int n = 0;
      for (JsonNode needNode : needNodes) {
        n++;
        Need need = need(file, n, needNode, problems);
        if (need != null && !ids.add(need.id())) {
          problems.add(file + ": need '" + need.id() + "': id: is used by another need");
        }
        if (need != null) {
          needs.add(need);
        }
      }
      if (eligibleWith > needNodes.size()) {
        problems.add(
            file
                + ": eligible-with: "
                + eligibleWith
                + " is more than the "
                + needNodes.size()
                + " needs listed, so no family could be eligible");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Ruleset(framework, name, version, eligibleWith, needs, file);
  }

  private static @Nullable Need need(String file, int n, JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add(file + ": need " + n + ": must be a mapping with id, label and evidence");
      return null;
    }
    int before = problems.size();
    String id = node.path("id").asString("");
    String where = file + ": need '" + (id.isEmpty() ? "#" + n : id) + "'";
    if (id.isEmpty()) {
      problems.add(where + ": id: is missing");
    } else if (!ID.matcher(id).matches()) {
      problems.add(where + ": id: must be lower-case words joined by hyphens, e.g. domestic-abuse");
    }
    unknownKeys(where, node, NEED_KEYS, problems);
    String label = text(where, node, "label", problems);
    List<Evidence> evidence = new ArrayList<>();
    JsonNode clauses = node.get("evidence");
    if (clauses == null || !clauses.isArray() || clauses.isEmpty()) {
      problems.add(where + ": evidence: must be a list of at least one clause");
    } else {
      int c = 0;
      for (JsonNode clause : clauses) {
        c++;
        Evidence e = evidence(where + ": evidence " + c, clause, problems);
        if (e != null) {
          evidence.add(e);
        }
      }
    }
    return problems.size() > before ? null : new Need(id, label, evidence);
  }

  private static @Nullable Evidence evidence(String where, JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add(where + ": must be a mapping with events, within and a threshold");
      return null;
    }
    int before = problems.size();
    unknownKeys(where, node, EVIDENCE_KEYS, problems);
    List<String> types = strings(where, node, "events", problems);
    List<EventType> known = eventTypes(where, node, types, problems);
    Set<String> details = new LinkedHashSet<>(strings(where, node, "details", problems));
    checkDetails(where, details, known, types, problems);
    Set<String> roles = new LinkedHashSet<>(strings(where, node, "roles", problems));
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        problems.add(
            where + ": roles: '" + role + "' is not one of " + new java.util.TreeSet<>(ROLES));
      }
    }
    Members members = members(where, node, problems);
    Period within = within(where, node, problems);
    Threshold threshold = threshold(where, node, known, problems);
    String description = node.path("description").asString("");
    if (description.isBlank()) {
      description =
          known.stream()
              .map(t -> t.label().toLowerCase(Locale.UK))
              .collect(Collectors.joining(" or "));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Evidence(description, types, details, roles, members, within, threshold);
  }

  /** The named event types the vocabulary knows; each unknown one, or none at all, a problem. */
  private static List<EventType> eventTypes(
      String where, JsonNode node, List<String> types, List<String> problems) {
    if (types.isEmpty() && node.has("events")) {
      problems.add(where + ": events: must name at least one event type");
    } else if (!node.has("events")) {
      problems.add(where + ": events: is missing");
    }
    Vocabulary vocabulary = Vocabulary.standard();
    List<EventType> known = new ArrayList<>();
    for (String type : types) {
      vocabulary
          .byCode(type)
          .ifPresentOrElse(
              known::add,
              () ->
                  problems.add(
                      where + ": events: '" + type + "' is not an event type of the vocabulary"));
    }
    return known;
  }

  private static void checkDetails(
      String where,
      Set<String> details,
      List<EventType> known,
      List<String> types,
      List<String> problems) {
    for (String detail : details) {
      boolean somewhere =
          known.stream()
              .anyMatch(t -> t.detail() instanceof Detail.OneOf o && o.values().contains(detail));
      if (!somewhere) {
        problems.add(
            where + ": details: '" + detail + "' is not a detail value of any of " + types);
      }
    }
  }

  private static Members members(String where, JsonNode node, List<String> problems) {
    if (!node.has("members")) {
      return Members.ANY;
    }
    String value = node.get("members").asString("");
    return Members.fromConfig(value)
        .orElseGet(
            () -> {
              problems.add(where + ": members: '" + value + "' is not one of any, child, adult");
              return Members.ANY;
            });
  }

  private static Period within(String where, JsonNode node, List<String> problems) {
    String windowText = node.path("within").asString("");
    if (windowText.isEmpty()) {
      problems.add(where + ": within: is missing (a look-back window such as P12M)");
      return Period.ZERO;
    }
    try {
      Period within = Period.parse(windowText);
      if (within.isNegative() || within.isZero()) {
        problems.add(where + ": within: '" + windowText + "' must be longer than zero");
      }
      return within;
    } catch (DateTimeParseException e) {
      problems.add(
          where + ": within: '" + windowText + "' is not an ISO-8601 period such as P12M or P2Y");
      return Period.ZERO;
    }
  }

  /** At most one threshold; none means at least one event. */
  private static Threshold threshold(
      String where, JsonNode node, List<EventType> known, List<String> problems) {
    List<String> thresholdKeys = THRESHOLD_KEYS.stream().filter(node::has).sorted().toList();
    if (thresholdKeys.size() > 1) {
      problems.add(where + ": " + String.join(", ", thresholdKeys) + ": give only one threshold");
    }
    if (thresholdKeys.size() != 1) {
      return new Threshold.AtLeastEvents(1);
    }
    String key = thresholdKeys.getFirst();
    JsonNode value = node.get(key);
    boolean whole = value.isIntegralNumber() && value.asInt() >= 1;
    if (!whole) {
      problems.add(
          where + ": " + key + ": '" + value.asString() + "' must be a whole number, 1 or more");
    }
    if (key.equals("at-least-total")) {
      for (EventType t : known) {
        if (!(t.detail() instanceof Detail.Count)) {
          problems.add(
              where + ": at-least-total: " + t.code() + " has no count in its detail to add up");
        }
      }
    }
    if (!whole) {
      return new Threshold.AtLeastEvents(1);
    }
    int needed = value.asInt();
    return switch (key) {
      case "at-least-total" -> new Threshold.AtLeastTotal(needed);
      case "at-least-members" -> new Threshold.AtLeastMembers(needed);
      case "at-least-for-one-member" -> new Threshold.AtLeastForOneMember(needed);
      default -> new Threshold.AtLeastEvents(needed);
    };
  }

  private static void unknownKeys(
      String where, JsonNode node, Set<String> allowed, List<String> problems) {
    for (String key : node.propertyNames()) {
      if (!allowed.contains(key)) {
        problems.add(
            where
                + ": "
                + key
                + ": is not a known field (expected one of "
                + new java.util.TreeSet<>(allowed)
                + ")");
      }
    }
  }

  private static String text(String where, JsonNode node, String field, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asString("").isBlank()) {
      problems.add(where + ": " + field + ": is missing");
      return "";
    }
    if (!value.isValueNode()) {
      problems.add(where + ": " + field + ": must be text");
      return "";
    }
    return value.asString().strip();
  }

  private static int positive(String where, JsonNode node, String field, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || value.asInt() < 1) {
      problems.add(where + ": " + field + ": must be a whole number, 1 or more");
      return 0;
    }
    return value.asInt();
  }

  private static List<String> strings(
      String where, JsonNode node, String field, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(where + ": " + field + ": must be a list, e.g. [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      out.add(item.asString("").strip());
    }
    return out;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
