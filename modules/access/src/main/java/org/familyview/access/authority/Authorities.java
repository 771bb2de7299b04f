package org.familyview.access.authority;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configured authorities and the postcode each covers. Read once at start from {@code
 * config/authorities/*.yaml}; every mistake in every file is reported at once ({@link
 * AuthoritiesInvalid}). A postcode is placed by its most specific entry: a district ({@code LS21})
 * before its area ({@code LS}) before {@code *}.
 */
public final class Authorities {

  /** The id of the one authority of a deployment that configures none. */
  public static final String DEFAULT_ID = "default";

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final Pattern PREFIX = Pattern.compile("\\*|[A-Z]{1,2}|[A-Z]{1,2}[0-9][0-9A-Z]?");
  private static final Pattern AREA = Pattern.compile("^[A-Z]{1,2}");

  private final Map<String, Authority> byId;
  private final Map<String, String> byPrefix;
  private final Authority unplaced;

  private Authorities(List<Authority> authorities, Authority unplaced) {
    this.byId = new LinkedHashMap<>();
    this.byPrefix = new HashMap<>();
    for (Authority authority : authorities) {
      byId.put(authority.id(), authority);
      authority.postcodes().forEach(p -> byPrefix.put(p, authority.id()));
    }
    this.unplaced = unplaced;
  }

  /** One authority covering every postcode: what a deployment without the folder gets. */
  public static Authorities single() {
    Authority only =
        new Authority(DEFAULT_ID, "The authority", List.of("*"), Authority.DEFAULT_READ_PERIOD);
    return new Authorities(List.of(only), only);
  }

  public static Authorities of(List<Authority> authorities, @Nullable String unplaced) {
    List<String> problems = new ArrayList<>();
    check(authorities, problems);
    Authority holder = unplacedHolder(authorities, unplaced, problems);
    if (!problems.isEmpty()) {
      throw new AuthoritiesInvalid(problems);
    }
    return new Authorities(authorities, holder);
  }

  /** Reads a folder; a folder that is not there means a single-authority deployment. */
  public static Authorities load(@Nullable Path folder, @Nullable String unplaced) {
    if (folder == null || !Files.isDirectory(folder)) {
      return single();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new AuthoritiesInvalid(List.of("cannot read the folder " + folder + ": " + e));
    }
    List<String> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add("no authority (*.yaml) in " + folder);
    }
    List<Authority> authorities = new ArrayList<>();
    YAMLMapper yaml = YAMLMapper.builder().build();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        parse(name, yaml.readTree(file.toFile()), problems).ifPresent(authorities::add);
      } catch (RuntimeException e) {
        problems.add(name + ": not readable YAML (" + e.getMessage() + ")");
      }
    }
    check(authorities, problems);
    Authority holder = unplacedHolder(authorities, unplaced, problems);
    if (!problems.isEmpty()) {
      throw new AuthoritiesInvalid(problems);
    }
    return new Authorities(authorities, holder);
  }

  static Optional<Authority> parse(String file, JsonNode node, List<String> problems) {
    int before = problems.size();
    String id = node.path("id").asString("").strip();
    if (!ID.matcher(id).matches()) {
      problems.add(file + ": id '" + id + "' must be lower-case letters, digits and hyphens");
    }
    String name = node.path("name").asString("").strip();
    if (name.isEmpty()) {
      problems.add(file + ": name is required");
    }
    List<String> postcodes = new ArrayList<>();
    for (JsonNode entry : node.path("postcodes").values()) {
      String prefix = entry.asString("").strip().toUpperCase(Locale.ROOT);
      if (PREFIX.matcher(prefix).matches()) {
        postcodes.add(prefix);
      } else {
        problems.add(
            file
                + ": postcode '"
                + entry.asString("")
                + "' is not an area (LS), a district (LS21) or *");
      }
    }
    if (postcodes.isEmpty() && problems.size() == before) {
      problems.add(file + ": postcodes must list at least one area or district");
    }
    Period period = Authority.DEFAULT_READ_PERIOD;
    String periodText = node.path("moved-family-read-period").asString("").strip();
    if (!periodText.isEmpty()) {
      try {
        period = Period.parse(periodText);
        if (period.isNegative() || period.isZero()) {
          problems.add(file + ": moved-family-read-period must be longer than nothing");
        }
      } catch (DateTimeParseException e) {
        problems.add(
            file
                + ": moved-family-read-period '"
                + periodText
                + "' is not an ISO-8601 period such as P90D");
      }
    }
    return problems.size() == before
        ? Optional.of(new Authority(id, name, postcodes, period))
        : Optional.empty();
  }

  private static void check(List<Authority> authorities, List<String> problems) {
    Map<String, String> ids = new HashMap<>();
    Map<String, String> prefixes = new HashMap<>();
    for (Authority authority : authorities) {
      if (ids.putIfAbsent(authority.id(), authority.id()) != null) {
        problems.add("two authorities have the id " + authority.id());
      }
      for (String prefix : authority.postcodes()) {
        String other = prefixes.putIfAbsent(prefix, authority.id());
        if (other != null && !other.equals(authority.id())) {
          problems.add(
              "postcode " + prefix + " is claimed by both " + other + " and " + authority.id());
        }
      }
    }
  }

  private static Authority unplacedHolder(
      List<Authority> authorities, @Nullable String unplaced, List<String> problems) {
    if (authorities.isEmpty()) {
      return single().unplaced;
    }
    if (unplaced == null || unplaced.isBlank()) {
      return authorities.stream().min(Comparator.comparing(Authority::id)).orElseThrow();
    }
    return authorities.stream()
        .filter(a -> a.id().equals(unplaced.strip()))
        .findFirst()
        .orElseGet(
            () -> {
              problems.add(
                  "familyview.authorities.unplaced names '"
                      + unplaced
                      + "', which is not a configured authority");
              return authorities.getFirst();
            });
  }

  public List<Authority> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Authority> byId(@Nullable String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** Whether there is one authority, which then holds every family and every member of staff. */
  public boolean isSingle() {
    return byId.size() == 1;
  }

  /** The authority that holds families with no usable postcode. */
  public Authority unplaced() {
    return unplaced;
  }

  /**
   * The authority a postcode lies in, if any covers it. The outward code is everything before the
   * last three characters (the inward code); spaces and case do not matter.
   */
  public Optional<Authority> covering(@Nullable String postcode) {
    if (postcode == null) {
      return Optional.ofNullable(byPrefix.get("*")).map(byId::get);
    }
    String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    String outward = compact.length() > 4 ? compact.substring(0, compact.length() - 3) : compact;
    var area = AREA.matcher(outward);
    String found = byPrefix.get(outward);
    if (found == null && area.find()) {
      found = byPrefix.get(area.group());
    }
    if (found == null) {
      found = byPrefix.get("*");
    }
    return Optional.ofNullable(found).map(byId::get);
  }
}
