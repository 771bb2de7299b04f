package org.familyview.matching.cluster;

/**
 * Safeguards on clustering.
 *
 * @param maxClusterSize a person never grows beyond this many records; a merge that would is
 *     refused and raised as an alarm, because giant clusters are how linkage errors chain
 * @param bridgeWeight a single link weaker than this that alone holds two groups of two or more
 *     records together is cut
 */
public record ClusterPolicy(int maxClusterSize, double bridgeWeight) {

  public ClusterPolicy {
    if (maxClusterSize < 2) {
      throw new IllegalArgumentException("maxClusterSize must be at least 2");
    }
  }

  public static ClusterPolicy standard() {
    return new ClusterPolicy(60, 16.0);
  }
}
