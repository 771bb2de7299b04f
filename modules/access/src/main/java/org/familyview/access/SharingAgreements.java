package org.familyview.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.familyview.portal.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads every agreement in a folder and reports every mistake at once, so a configuration error
 * stops the application at start with the whole list rather than one problem per restart.
 */
public final class SharingAgreements {

  /** A partner id as config/partners writes it; which partners exist is checked against those. */
  private static final java.util.regex.Pattern PARTNER_ID =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private SharingAgreements() {}

  public static Map<String, SharingAgreement> load(Path folder) {
    List<String> problems = new ArrayList<>();
    Map<String, SharingAgreement> agreements = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new SharingAgreementsInvalid(List.of("cannot read the folder " + folder + ": " + e));
    }
    YAMLMapper yaml = YAMLMapper.builder().build();
    for (Path file : files) {
      try {
        JsonNode node = yaml.readTree(file.toFile());
        SharingAgreement agreement = parse(file.getFileName().toString(), node, problems);
        if (agreement != null && agreements.putIfAbsent(agreement.agency(), agreement) != null) {
          problems.add(file.getFileName() + ": a second agreement for " + agreement.agency());
        }
      } catch (RuntimeException e) {
        problems.add(file.getFileName() + ": not readable YAML (" + e.getMessage() + ")");
      }
    }
    // Whether every configured partner has an agreement is checked with the partners at start-up.
    if (!problems.isEmpty()) {
      throw new SharingAgreementsInvalid(problems);
    }
    return agreements;
  }

  private static SharingAgreement parse(String file, JsonNode node, List<String> problems) {
    int before = problems.size();
    String agency = required(file, node, "agency", problems);
    if (!agency.isEmpty() && !PARTNER_ID.matcher(agency).matches()) {
      problems.add(file + ": agency '" + agency + "' is not a partner id");
    }
    // Event type codes are prefixed by the partner's kind: two NHS trusts share health.* types.
    String kind = node.path("kind").asString(agency).strip();
    Period retention = Period.ZERO;
    String retentionText = required(file, node, "retention", problems);
    try {
      if (!retentionText.isEmpty()) {
        retention = Period.parse(retentionText);
      }
    } catch (DateTimeParseException e) {
      problems.add(
          file + ": retention '" + retentionText + "' is not an ISO-8601 period such as P7Y");
    }
    Map<String, Set<Role>> sharing = new LinkedHashMap<>();
    JsonNode sharingNode = node.path("sharing");
    for (String type : sharingNode.propertyNames()) {
      if (!type.startsWith(kind + ".")) {
        problems.add(file + ": event type " + type + " does not belong to " + kind);
      }
      sharing.put(type, roles(file, "sharing." + type, sharingNode.get(type), problems));
    }
    SharingAgreement agreement =
        new SharingAgreement(
            agency,
            required(file, node, "name", problems),
            required(file, node, "contact", problems),
            required(file, node, "lawful-basis", problems),
            required(file, node, "legal-gateway", problems),
            required(file, node, "special-category-condition", problems),
            retention,
            sharing,
            roles(file, "restricted-roles", node.path("restricted-roles"), problems));
    return problems.size() == before ? agreement : null;
  }

  private static Set<Role> roles(String file, String where, JsonNode list, List<String> problems) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (JsonNode name : list.values()) {
      Role.fromRealmName(name.asString())
          .ifPresentOrElse(
              roles::add,
              () ->
                  problems.add(
                      file + ": " + where + " names an unknown role '" + name.asString() + "'"));
    }
    return roles;
  }

  private static String required(String file, JsonNode node, String field, List<String> problems) {
    String value = node.path(field).asString("");
    if (value.isBlank()) {
      problems.add(file + ": " + field + " is required");
    }
    return value.strip();
  }
}
