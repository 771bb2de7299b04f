package org.familyview.pipeline.families;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.families.HouseholdConflict;
import org.familyview.families.SourceRef;
import org.familyview.linkage.ReviewTasks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises the families step's conflicts as HOUSEHOLD_CONFLICT review tasks. A conflict's dedupe key
 * names its evidence (the records and the day of the move), so the same disagreement is raised
 * once: not again while its task is open, and not again after a steward has decided it. A new move
 * is new evidence and raises a new task.
 */
@Component
class HouseholdConflictTasks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReviewTasks tasks;

  HouseholdConflictTasks(ReviewTasks tasks) {
    this.tasks = tasks;
  }

  /** What the tasks need to know of the people: who is a child, and each one's family. */
  record Context(Set<String> children, Map<String, String> familyOf) {}

  /** Raises the conflicts not raised before; returns how many were raised. */
  long raise(UUID runId, List<HouseholdConflict> conflicts, Context context, Instant now) {
    long raised = 0;
    for (HouseholdConflict conflict : conflicts) {
      raised += tasks.raiseHouseholdConflict(runId, task(conflict, context, tasks), now);
    }
    return raised;
  }

  private static ReviewTasks.HouseholdConflictTask task(
      HouseholdConflict conflict, Context context, ReviewTasks tasks) {
    boolean child = conflict.personIds().stream().anyMatch(context.children()::contains);
    // A police force by its configured kind, not version 1's id: a second force counts too.
    boolean police = conflict.records().stream().anyMatch(r -> tasks.isPolice(r.agency()));
    Set<String> agencies = new TreeSet<>();
    conflict.records().forEach(r -> agencies.add(r.agency()));
    String familyId = null;
    for (String person : conflict.personIds()) {
      familyId = context.familyOf().get(person);
      if (familyId != null) {
        break;
      }
    }
    return new ReviewTasks.HouseholdConflictTask(
        priority(child, police),
        child,
        police,
        records(conflict.records()),
        conflict.personIds().toArray(String[]::new),
        familyId,
        agencies.toArray(String[]::new),
        JSON.writeValueAsString(detail(conflict)),
        conflict.dedupeKey());
  }

  /**
   * The queue's order (as for possible matches): children under 18 (2000) and police-held records
   * (1000) first; a conflict has no match probability, so it ranks as the most uncertain (999).
   */
  static int priority(boolean child, boolean police) {
    return (child ? 2000 : 0) + (police ? 1000 : 0) + 999;
  }

  private static String records(List<SourceRef> refs) {
    List<Map<String, String>> records = new ArrayList<>();
    for (SourceRef ref : refs) {
      records.add(Map.of("agency", ref.agency(), "recordId", ref.recordId()));
    }
    return JSON.writeValueAsString(records);
  }

  /** What the steward reads: the kind of conflict, its evidence with dates, and a sentence. */
  static Map<String, Object> detail(HouseholdConflict conflict) {
    Map<String, Object> detail = new LinkedHashMap<>();
    switch (conflict) {
      case HouseholdConflict.LeftButStillListed c -> {
        detail.put("conflict", "LEFT_BUT_STILL_LISTED");
        detail.put("personId", c.personId());
        detail.put("address", c.address());
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("agency", c.left().agency());
        left.put("recordId", c.left().recordId());
        left.put("leftOn", c.leftOn().toString());
        left.put("movedAddress", c.movedAddress());
        left.put("householdBefore", c.leftHousehold());
        left.put("householdNow", c.nowHousehold());
        detail.put("left", left);
        Map<String, Object> still = new LinkedHashMap<>();
        still.put("agency", c.stillListed().agency());
        still.put("recordId", c.stillListed().recordId());
        still.put("listedSince", text(c.listedSince()));
        detail.put("stillListed", still);
        detail.put(
            "summary",
            c.left()
                + (c.movedAddress()
                    ? " shows the person at another address from " + c.leftOn()
                    : " no longer lists the person in household "
                        + c.leftHousehold()
                        + " from "
                        + c.leftOn())
                + ", while "
                + c.stillListed()
                + " still lists them at the address"
                + (c.listedSince() == null ? "" : " (since " + c.listedSince() + ")")
                + ".");
      }
      case HouseholdConflict.CommunalAddress c -> {
        detail.put("conflict", "COMMUNAL_ADDRESS");
        detail.put("address", c.address());
        detail.put("adults", c.adults());
        detail.put("people", c.personIds().size());
        detail.put(
            "summary",
            c.adults()
                + " adults lived at this address at the same time: taken for communal housing"
                + " (a hostel, a shared house), so living there groups no one into a family.");
      }
      case HouseholdConflict.OversizedFamily c -> {
        detail.put("conflict", "OVERSIZED_FAMILY");
        detail.put("people", c.personIds().size());
        detail.put(
            "summary",
            c.personIds().size()
                + " people were joined into one group, more than a family: only the agencies'"
                + " household ids and stated parents were kept for them.");
      }
    }
    return detail;
  }

  private static @Nullable String text(@Nullable LocalDate day) {
    return day == null ? null : day.toString();
  }
}
