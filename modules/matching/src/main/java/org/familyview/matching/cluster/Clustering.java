package org.familyview.matching.cluster;

import java.util.List;

/**
 * People found: a cluster number per record position, the links that hold each cluster together,
 * and the alarms raised on the way.
 */
public record Clustering(int[] clusterOf, int clusters, List<Join> joins, List<Alarm> alarms) {

  /** A link that joined two groups into one person: the record of why the person holds together. */
  public record Join(int left, int right, double matchWeight, String reason) {}

  /** Something a data steward should look at. */
  public sealed interface Alarm {
    String describe();
  }

  /** A merge refused because the person would exceed the size cap. */
  public record SizeCapReached(int left, int right, int combinedSize) implements Alarm {
    @Override
    public String describe() {
      return "size cap: merging would make a person of " + combinedSize + " records";
    }
  }

  /** A weak link cut because it alone held two groups together. */
  public record BridgeCut(int left, int right, double matchWeight) implements Alarm {
    @Override
    public String describe() {
      return String.format("weak bridge cut (match weight %.1f)", matchWeight);
    }
  }

  /**
   * A must-link that could not be honoured because of a cannot-link or conflicting NHS numbers; or
   * a strong scored link refused because the two groups hold different identifiers or dates of
   * birth that cannot both be right (see {@link #refusedLink}). Either way a steward must decide.
   */
  public record ConstraintConflict(int left, int right, String reason) implements Alarm {

    private static final String REFUSED_LINK = "strong link refused";

    /** A strong scored link the clusterer refused: the groups it joins conflict. */
    public static ConstraintConflict refusedLink(
        int left, int right, double matchWeight, String conflict) {
      return new ConstraintConflict(
          left,
          right,
          String.format(
              java.util.Locale.ROOT,
              "%s (match weight %.1f): %s",
              REFUSED_LINK,
              matchWeight,
              conflict));
    }

    @Override
    public String describe() {
      return reason.startsWith(REFUSED_LINK) ? reason : "must-link refused: " + reason;
    }
  }
}
