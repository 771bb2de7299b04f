package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;

/** Recorded sex: same or different; unknown ("U") is missing. */
final class SexComparison implements Comparison {

  @Override
  public String name() {
    return "sex";
  }

  @Override
  public List<String> levels() {
    return List.of("missing", "same", "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    if (left.sex() == 0 || right.sex() == 0) {
      return MISSING;
    }
    return left.sex() == right.sex() ? EXACT : 2;
  }

  @Override
  public boolean comparesCodes() {
    return true;
  }

  @Override
  public int[] codes(List<StandardisedRecord> records) {
    int[] codes = new int[records.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = records.get(i).sex();
    }
    return codes;
  }

  @Override
  public int level(int left, int right) {
    if (left == 0 || right == 0) {
      return MISSING;
    }
    return left == right ? EXACT : 2;
  }
}
