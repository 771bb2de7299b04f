package org.familyview.matching.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyview.matching.compare.DateOfBirthComparison;
import org.junit.jupiter.api.Test;

class ClustererTests {

  private final Clusterer clusterer = new Clusterer(new ClusterPolicy(5, 16.0));

  private static boolean together(Clustering c, int a, int b) {
    return c.clusterOf()[a] == c.clusterOf()[b];
  }

  @Test
  void aCannotLinkStopsTransitiveChaining() {
    LinkGraph graph = new LinkGraph(3);
    graph.link(0, 1, 20, "w");
    graph.link(1, 2, 18, "w");
    graph.cannotLink(0, 2, "twins");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 0, 2)).isFalse();
    assertThat(together(c, 1, 2)).isFalse();
  }

  @Test
  void theStrongerLinkWinsWhenACannotLinkForcesAChoice() {
    LinkGraph graph = new LinkGraph(3);
    graph.link(1, 2, 30, "w");
    graph.link(0, 1, 10, "w");
    graph.cannotLink(0, 2, "different NHS numbers");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 1, 2)).isTrue();
    assertThat(together(c, 0, 1)).isFalse();
  }

  @Test
  void differentNhsNumbersKeepGroupsApartEvenWithoutADirectCannotLink() {
    LinkGraph graph = new LinkGraph(3);
    graph.identity(0, "9434765919");
    graph.identity(2, "4010232137");
    graph.link(0, 1, 20, "w");
    graph.link(1, 2, 19, "w");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 2)).isFalse();
  }

  @Test
  void aCannotLinkBetweenDifferentNhsNumbersIsNotHeldAndClusteringStillKeepsThemApart() {
    LinkGraph graph = new LinkGraph(4);
    graph.identity(0, "9434765919");
    graph.identity(2, "4010232137");
    graph.link(2, 3, 30, "w");
    graph.link(0, 1, 20, "w");
    graph.link(1, 2, 19, "w");
    graph.cannotLink(0, 2, "different valid NHS numbers");
    graph.cannotLink(1, 3, "twins");

    assertThat(graph.cannotLinkCount()).isEqualTo(1);
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 2, 3)).isTrue();
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 0, 2)).isFalse();
    assertThat(together(c, 1, 3)).isFalse();
  }

  @Test
  void differentUpnsOrPncIdsSplitAChainAlongItsWeakestLink() {
    LinkGraph graph = new LinkGraph(4);
    graph.identifiers(0, "A380233319013", null);
    graph.identifiers(3, "E383210522004", null);
    graph.identifiers(1, null, "0012345678A");
    graph.link(0, 1, 25, "w");
    graph.link(2, 3, 24, "w");
    graph.link(1, 2, 6, "w");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 2, 3)).isTrue();
    assertThat(together(c, 1, 2)).as("the weakest link is the one refused").isFalse();
  }

  @Test
  void datesOfBirthThatCannotBothBeRightKeepPeopleApartAndAStrongRefusalIsRaised() {
    LinkGraph graph = new LinkGraph(3);
    graph.birthDate(0, 19900114);
    graph.birthDate(1, 19900141); // two digits transposed: compatible
    graph.birthDate(2, 19991111);
    graph.link(0, 1, 20, "w");
    graph.link(1, 2, 18, "w");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 1, 2)).isFalse();
    assertThat(c.alarms())
        .singleElement()
        .isInstanceOfSatisfying(
            Clustering.ConstraintConflict.class,
            a -> assertThat(a.describe()).startsWith("strong link refused").contains("birth"));
  }

  @Test
  void aPopulationWhoseRecordsOftenDifferMoreToleratesMore() {
    LinkGraph graph = new LinkGraph(2);
    graph.birthDate(0, 19680312);
    graph.birthDate(1, 19710825); // within five years, nothing else equal
    graph.link(0, 1, 20, "w");
    assertThat(together(clusterer.cluster(graph), 0, 1)).isFalse();
    double[] m = new double[new DateOfBirthComparison().levelCount()];
    m[DateOfBirthComparison.WITHIN_FIVE_YEARS] = 0.05;
    graph.birthDateTolerance(DateOfBirthComparison.tolerance(m, 0.03));
    assertThat(together(clusterer.cluster(graph), 0, 1)).isTrue();
  }

  @Test
  void aStewardsMustLinkOverridesIdentifierAndBirthDateChecksButNotNhsNumbers() {
    LinkGraph graph = new LinkGraph(4);
    graph.identifiers(0, "A380233319013", null);
    graph.identifiers(1, "E383210522004", null);
    graph.birthDate(0, 20150319);
    graph.birthDate(1, 20180226);
    graph.mustLink(0, 1, LinkGraph.STEWARD_SAME);
    graph.identity(2, "9434765919");
    graph.identity(3, "4010232137");
    graph.mustLink(2, 3, LinkGraph.STEWARD_SAME);
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 2, 3)).isFalse();
  }

  @Test
  void aClusterNeverExceedsTheCapAndRaisesAnAlarm() {
    LinkGraph graph = new LinkGraph(8);
    for (int i = 0; i < 7; i++) {
      graph.link(i, i + 1, 30, "w");
    }
    Clustering c = clusterer.cluster(graph);
    int[] sizes = new int[c.clusters()];
    for (int x : c.clusterOf()) {
      sizes[x]++;
    }
    assertThat(java.util.Arrays.stream(sizes).max().orElseThrow()).isLessThanOrEqualTo(5);
    assertThat(c.alarms()).hasAtLeastOneElementOfType(Clustering.SizeCapReached.class);
  }

  @Test
  void aWeakBridgeBetweenTwoDenseGroupsIsCut() {
    LinkGraph graph = new LinkGraph(4);
    graph.link(0, 1, 30, "w");
    graph.link(2, 3, 30, "w");
    graph.link(1, 2, 5, "w");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(together(c, 2, 3)).isTrue();
    assertThat(together(c, 1, 2)).isFalse();
    assertThat(c.alarms()).hasAtLeastOneElementOfType(Clustering.BridgeCut.class);
  }

  @Test
  void aStrongBridgeOrATriangleIsKept() {
    LinkGraph strong = new LinkGraph(4);
    strong.link(0, 1, 30, "w");
    strong.link(2, 3, 30, "w");
    strong.link(1, 2, 25, "w");
    assertThat(together(clusterer.cluster(strong), 0, 3)).isTrue();

    LinkGraph dense = new LinkGraph(4);
    dense.link(0, 1, 30, "w");
    dense.link(2, 3, 30, "w");
    dense.link(1, 2, 5, "w");
    dense.link(0, 3, 5, "w");
    assertThat(together(clusterer.cluster(dense), 0, 3)).isTrue();
  }

  @Test
  void mustLinksHoldAndAreRecordedAsTheReason() {
    LinkGraph graph = new LinkGraph(2);
    graph.mustLink(0, 1, "steward decision: the same person");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isTrue();
    assertThat(c.joins())
        .extracting(Clustering.Join::reason)
        .contains("steward decision: the same person");
  }

  @Test
  void aMustLinkThatContradictsACannotLinkIsRefusedWithAnAlarm() {
    LinkGraph graph = new LinkGraph(2);
    graph.cannotLink(0, 1, "steward decision: not the same person");
    graph.mustLink(0, 1, "same UPN");
    Clustering c = clusterer.cluster(graph);
    assertThat(together(c, 0, 1)).isFalse();
    assertThat(c.alarms()).hasAtLeastOneElementOfType(Clustering.ConstraintConflict.class);
  }
}
