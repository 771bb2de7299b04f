package org.familyview.matching.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.familyview.matching.score.LinkDecision;
import org.junit.jupiter.api.Test;

class CalibrationTests {

  @Test
  void eachBandReportsItsObservedShareOfTruePairsBesideThePredictedOne() {
    Calibration.Builder builder = new Calibration.Builder();
    // 100 pairs at p = 0.995, of which 98 true; 10 at p = 0.6, of which 3 true; 5 at 0.05, none.
    for (int i = 0; i < 100; i++) {
      builder.add(0.995, i < 98, LinkDecision.LINK);
    }
    for (int i = 0; i < 10; i++) {
      builder.add(0.6, i < 3, LinkDecision.REVIEW);
    }
    for (int i = 0; i < 5; i++) {
      builder.add(0.05, false, LinkDecision.NO_LINK);
    }
    Calibration c = builder.build();

    Calibration.Band high = band(c, 0.99);
    assertThat(high.pairs()).isEqualTo(100);
    assertThat(high.observed()).isCloseTo(0.98, within(1e-9));
    assertThat(high.meanPredicted()).isCloseTo(0.995, within(1e-9));
    assertThat(band(c, 0.5).observed()).isCloseTo(0.3, within(1e-9));
    assertThat(band(c, 0.0).observed()).isZero();
    assertThat(band(c, 0.999).pairs()).isZero();
    assertThat(c.linked().share()).isCloseTo(0.98, within(1e-9));
    assertThat(c.review()).isEqualTo(new Calibration.Count(10, 3));
    assertThat(c.table())
        .contains("[0.9900, 0.9990)")
        .contains("0.9800")
        .doesNotContain("[0.9990")
        .contains("review pairs 10, 0.3000 true");
  }

  @Test
  void bandEdgesBelongToTheBandAboveAndCertaintyToTheLast() {
    assertThat(Calibration.band(0.99)).isEqualTo(Calibration.band(0.995));
    assertThat(Calibration.band(0.98999)).isLessThan(Calibration.band(0.99));
    assertThat(Calibration.band(1.0)).isEqualTo(Calibration.EDGES.length - 1);
    assertThat(Calibration.band(0.0)).isZero();
  }

  private static Calibration.Band band(Calibration c, double from) {
    return c.bands().stream().filter(b -> b.from() == from).findFirst().orElseThrow();
  }
}
