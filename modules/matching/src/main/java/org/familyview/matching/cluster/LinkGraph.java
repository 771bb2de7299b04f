package org.familyview.matching.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The input to clustering: scored links, must-links and cannot-links between record positions, and
 * each record's NHS number (two people never share one, so it also keeps clusters apart).
 */
public final class LinkGraph {

  private final int records;
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private float[] weight = new float[1024];
  private String[] reason = new String[1024];
  private int size;
  private final List<int[]> cannot = new ArrayList<>();
  private final List<String> cannotReasons = new ArrayList<>();
  private final @Nullable String[] identity;

  public LinkGraph(int records) {
    this.records = records;
    this.identity = new String[records];
  }

  public int records() {
    return records;
  }

  /** A link earned by score; stronger links are clustered first. */
  public void link(int a, int b, double matchWeight, String why) {
    add(a, b, (float) matchWeight, why);
  }

  /** A link that must hold (a decisive rule or a steward's decision). */
  public void mustLink(int a, int b, String why) {
    add(a, b, Float.POSITIVE_INFINITY, why);
  }

  public void cannotLink(int a, int b, String why) {
    cannot.add(new int[] {a, b});
    cannotReasons.add(why);
  }

  public void identity(int record, @Nullable String nhsNumber) {
    identity[record] = nhsNumber;
  }

  private void add(int a, int b, float w, String why) {
    if (size == left.length) {
      left = Arrays.copyOf(left, size * 2);
      right = Arrays.copyOf(right, size * 2);
      weight = Arrays.copyOf(weight, size * 2);
      reason = Arrays.copyOf(reason, size * 2);
    }
    left[size] = a;
    right[size] = b;
    weight[size] = w;
    reason[size] = why;
    size++;
  }

  int size() {
    return size;
  }

  int left(int edge) {
    return left[edge];
  }

  int right(int edge) {
    return right[edge];
  }

  float weight(int edge) {
    return weight[edge];
  }

  String reason(int edge) {
    return reason[edge];
  }

  List<int[]> cannotLinks() {
    return cannot;
  }

  String cannotReason(int i) {
    return cannotReasons.get(i);
  }

  @Nullable String identity(int record) {
    return identity[record];
  }
}
