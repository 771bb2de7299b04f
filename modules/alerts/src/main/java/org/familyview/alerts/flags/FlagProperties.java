package org.familyview.alerts.flags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.extracts.Vocabulary;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The flags an authority shows and who answers for them ({@code familyview.flags}). Every problem
 * (an unknown owner, an event type not in the vocabulary, a type named twice) is reported at
 * start-up at once.
 *
 * @param visibleAfterEnd how long a plan's flag stays visible after the plan ends (default 12
 *     months)
 * @param owners owning teams by key: the authority, the team's name, its Keycloak {@code team}
 *     (whose members are told when someone outside it opens a flagged record), its contacts
 */
@Validated
@ConfigurationProperties("familyview.flags")
public record FlagProperties(
    @DefaultValue("P12M") @NotNull Period visibleAfterEnd,
    @DefaultValue @Valid Map<String, Owner> owners,
    @DefaultValue @Valid List<Plan> plans,
    @DefaultValue @Valid List<Repeat> repeats,
    @DefaultValue @Valid List<Household> households) {

  public record Owner(
      @NotBlank String authority,
      @NotBlank String team,
      @NotBlank String teamId,
      @NotBlank String officeHours,
      @NotBlank String outOfHours) {}

  public record Plan(
      @NotBlank String type,
      @NotBlank String label,
      @NotEmpty Set<String> starts,
      @NotEmpty Set<String> ends,
      @NotBlank String owner) {}

  public record Repeat(
      @NotBlank String type,
      @NotBlank String label,
      @NotBlank String event,
      @Min(2) int count,
      @NotNull Period within,
      @NotNull Period visibleFor,
      @NotBlank String owner) {}

  public record Household(
      @NotBlank String type,
      @NotBlank String label,
      @NotBlank String event,
      @NotNull Period visibleFor,
      @NotBlank String owner) {}

  public FlagProperties {
    owners = Map.copyOf(owners);
    plans = List.copyOf(plans);
    repeats = List.copyOf(repeats);
    households = List.copyOf(households);
    List<String> problems = problems(owners, rules(visibleAfterEnd, plans, repeats, households));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "familyview.flags is not valid: " + String.join("; ", problems));
    }
  }

  /** The rules as the plain-Java derivation takes them. */
  public FlagRules rules() {
    return rules(visibleAfterEnd, plans, repeats, households);
  }

  private static FlagRules rules(
      Period visibleAfterEnd, List<Plan> plans, List<Repeat> repeats, List<Household> households) {
    return new FlagRules(
        visibleAfterEnd,
        plans.stream()
            .map(p -> new FlagRules.Plan(p.type(), p.label(), p.starts(), p.ends(), p.owner()))
            .toList(),
        repeats.stream()
            .map(
                r ->
                    new FlagRules.Repeat(
                        r.type(),
                        r.label(),
                        r.event(),
                        r.count(),
                        r.within(),
                        r.visibleFor(),
                        r.owner()))
            .toList(),
        households.stream()
            .map(
                h ->
                    new FlagRules.Household(
                        h.type(), h.label(), h.event(), h.visibleFor(), h.owner()))
            .toList());
  }

  static List<String> problems(Map<String, Owner> owners, FlagRules rules) {
    List<String> problems = new ArrayList<>();
    Set<String> types = new java.util.HashSet<>();
    for (FlagRules.Rule rule : rules.all()) {
      if (rule.owner() != null && !owners.containsKey(rule.owner())) {
        problems.add(rule.type() + ": no owner " + rule.owner() + " under familyview.flags.owners");
      }
      if (rule.type() != null && !types.add(rule.type())) {
        problems.add("flag type " + rule.type() + " is configured twice");
      }
    }
    for (String code : rules.eventTypes()) {
      if (code != null && Vocabulary.standard().byCode(code).isEmpty()) {
        problems.add("event type " + code + " is not in the extract vocabulary");
      }
    }
    return problems;
  }

  /** The label of a flag type, or the type itself if no rule names it any more. */
  public String label(String type) {
    return rules().all().stream()
        .filter(r -> r.type().equals(type))
        .map(FlagRules.Rule::label)
        .findFirst()
        .orElse(type);
  }
}
