package org.familyview.extracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/partners/*.yaml} and reports every mistake at once, file and field, so a
 * configuration error stops the application at start with the whole list rather than one problem
 * per restart. Unknown fields are mistakes too: a misspelt {@code authorites} must not silently
 * leave a partner serving nobody.
 */
final class PartnerFiles {

  private static final List<String> FIELDS =
      List.of("id", "name", "kind", "authorities", "contact", "feeds", "agreement", "vocabulary");
  private static final List<String> TYPE_FIELDS =
      List.of("code", "label", "detail", "detail-values", "criterion");
  private static final Pattern AUTHORITY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Pattern LOCAL_CODE = Pattern.compile("[a-z][a-z0-9_]*");

  private PartnerFiles() {}

  static List<Partner> read(Path folder, Vocabulary standard) {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new PartnersInvalid(List.of("cannot read the folder " + folder + ": " + e));
    }
    if (files.isEmpty()) {
      problems.add("no partner is configured: " + folder + " holds no *.yaml file");
    }
    YAMLMapper yaml = YAMLMapper.builder().build();
    List<Partner> partners = new ArrayList<>();
    Map<String, String> fileOf = new HashMap<>();
    Map<String, EventType> ownCodes = new HashMap<>();
    for (Path path : files) {
      String file = path.getFileName().toString();
      JsonNode node;
      try {
        node = yaml.readTree(path.toFile());
      } catch (RuntimeException e) {
        problems.add(file + ": not readable YAML (" + e.getMessage() + ")");
        continue;
      }
      // Checked on the id as written, so that a second file is caught even if the first is broken.
      String id = node.path("id").asString("").strip();
      String earlier = id.isEmpty() ? null : fileOf.putIfAbsent(id, file);
      if (earlier != null) {
        problems.add(file + ": id: " + id + " is already the id of " + earlier);
        continue;
      }
      Partner partner = new PartnerFile(file, node, standard, problems).partner();
      if (partner == null) {
        continue;
      }
      for (EventType own : partner.ownTypes()) {
        EventType before = ownCodes.putIfAbsent(own.code(), own);
        if (before != null && !before.equals(own)) {
          problems.add(
              file + ": vocabulary: " + own.code() + " is defined differently by another partner");
        }
      }
      partners.add(partner);
    }
    if (!problems.isEmpty()) {
      throw new PartnersInvalid(problems);
    }
    return partners;
  }

  /** One file's fields, each checked; a problem names the file and the field. */
  private record PartnerFile(
      String file, JsonNode node, Vocabulary standard, List<String> problems) {

    @Nullable Partner partner() {
      int before = problems.size();
      if (!node.isObject()) {
        problems.add(file + ": is not a mapping of partner fields");
        return null;
      }
      for (String field : node.propertyNames()) {
        if (!FIELDS.contains(field)) {
          problems.add(file + ": " + field + " is not a partner field (one of " + FIELDS + ")");
        }
      }
      PartnerId id = id();
      String name = required("name");
      PartnerKind kind = kind();
      List<String> authorities = authorities();
      String contact = required("contact");
      Set<Partner.Feed> feeds = feeds();
      String agreement = node.path("agreement").asString(id == null ? "" : id.code()).strip();
      List<EventType> ownTypes = kind == null ? List.of() : ownTypes(kind);
      if (problems.size() != before || id == null || kind == null) {
        return null;
      }
      return new Partner(id, name, kind, authorities, contact, feeds, agreement, ownTypes);
    }

    private @Nullable PartnerId id() {
      String id = required("id");
      if (id.isEmpty()) {
        return null;
      }
      if (!PartnerId.isValid(id)) {
        problems.add(
            file
                + ": id: '"
                + id
                + "' must be lower-case letters, digits and hyphens, starting with a letter");
        return null;
      }
      return new PartnerId(id);
    }

    private @Nullable PartnerKind kind() {
      String kind = required("kind");
      if (kind.isEmpty()) {
        return null;
      }
      return PartnerKind.fromCode(kind)
          .orElseGet(
              () -> {
                problems.add(file + ": kind: '" + kind + "' is not one of " + kinds());
                return null;
              });
    }

    private List<String> authorities() {
      JsonNode list = node.path("authorities");
      if (!list.isArray() || list.isEmpty()) {
        problems.add(file + ": authorities: a list of at least one authority id is required");
        return List.of();
      }
      List<String> authorities = new ArrayList<>();
      for (JsonNode value : list.values()) {
        String authority = value.asString("").strip();
        if (!AUTHORITY.matcher(authority).matches()) {
          problems.add(file + ": authorities: '" + authority + "' is not an authority id");
        } else if (authorities.contains(authority)) {
          problems.add(file + ": authorities: " + authority + " is listed twice");
        } else {
          authorities.add(authority);
        }
      }
      return authorities;
    }

    private Set<Partner.Feed> feeds() {
      JsonNode list = node.path("feeds");
      if (list.isMissingNode()) {
        return EnumSet.allOf(Partner.Feed.class);
      }
      Set<Partner.Feed> feeds = EnumSet.noneOf(Partner.Feed.class);
      for (JsonNode value : list.values()) {
        String code = value.asString("");
        Partner.Feed.fromCode(code)
            .ifPresentOrElse(
                feeds::add,
                () ->
                    problems.add(
                        file + ": feeds: '" + code + "' is not one of [upload, drop-folder]"));
      }
      if (feeds.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(file + ": feeds"))) {
        problems.add(file + ": feeds: a partner needs at least one feed");
      }
      return feeds;
    }

    private List<EventType> ownTypes(PartnerKind kind) {
      List<EventType> types = new ArrayList<>();
      JsonNode list = node.path("vocabulary");
      for (int i = 0; i < list.size(); i++) {
        EventType type = ownType(kind, "vocabulary[" + i + "]", list.get(i));
        if (type != null) {
          if (types.stream().anyMatch(t -> t.code().equals(type.code()))) {
            problems.add(file + ": vocabulary[" + i + "]: " + type.code() + " is listed twice");
          } else {
            types.add(type);
          }
        }
      }
      return types;
    }

    private @Nullable EventType ownType(PartnerKind kind, String where, JsonNode entry) {
      for (String field : entry.propertyNames()) {
        if (!TYPE_FIELDS.contains(field)) {
          problems.add(file + ": " + where + "." + field + " is not an event type field");
        }
      }
      String raw = entry.path("code").asString("").strip().toLowerCase(Locale.ROOT);
      String prefix = kind.code() + ".";
      String local = raw.startsWith(prefix) ? raw.substring(prefix.length()) : raw;
      String label = entry.path("label").asString("").strip();
      int before = problems.size();
      if (!LOCAL_CODE.matcher(local).matches()) {
        problems.add(file + ": " + where + ".code: '" + raw + "' is not a lower_snake_case code");
      } else if (standard.byCode(prefix + local).isPresent()) {
        problems.add(
            file + ": " + where + ".code: " + prefix + local + " is already a standard type");
      }
      if (label.isEmpty()) {
        problems.add(file + ": " + where + ".label is required");
      }
      SupportingFamiliesCriterion criterion = criterion(where, entry.path("criterion"));
      Detail detail = detail(where, entry);
      if (problems.size() != before) {
        return null;
      }
      return new EventType(prefix + local, kind, label, detail, criterion);
    }

    private @Nullable SupportingFamiliesCriterion criterion(String where, JsonNode value) {
      String text = value.asString("").strip();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return SupportingFamiliesCriterion.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + where + ".criterion: '" + text + "' is not a criterion");
        return null;
      }
    }

    private Detail detail(String where, JsonNode entry) {
      String name = entry.path("detail").asString("").strip();
      JsonNode values = entry.path("detail-values");
      List<String> list = new ArrayList<>();
      values.values().forEach(v -> list.add(v.asString("").strip().toLowerCase(Locale.ROOT)));
      if (name.isEmpty() != list.isEmpty()) {
        problems.add(file + ": " + where + ": detail and detail-values go together");
        return new Detail.None();
      }
      return Vocabulary.detail(name, String.join("|", list));
    }

    private String required(String field) {
      String value = node.path(field).asString("").strip();
      if (value.isEmpty()) {
        problems.add(file + ": " + field + " is required");
      }
      return value;
    }

    private static List<String> kinds() {
      return Stream.of(PartnerKind.values()).map(PartnerKind::code).toList();
    }
  }
}
