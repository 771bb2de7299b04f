package org.familyview.linktool;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.Linkage;

/**
 * With labelled truth, the waterfalls of pairs the run got wrong: missed links (same person, two
 * person ids) and wrong links (different people, one person id). This is what tuning looks at.
 */
final class ErrorReport {

  private static final int LIMIT = 100;

  private ErrorReport() {}

  static void write(Path file, Linkage linkage, LinkCommand.Labels truth) throws IOException {
    Map<String, List<Integer>> byTruth = new HashMap<>();
    Map<String, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < linkage.recordCount(); i++) {
      String t = truth.name(i);
      if (t != null) {
        byTruth.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
        byPerson.computeIfAbsent(linkage.personId(i), x -> new ArrayList<>()).add(i);
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("# Missed links: the same person in truth, different person ids\n\n");
      int written = 0;
      for (List<Integer> members : byTruth.values()) {
        for (int a = 0; a < members.size() && written < LIMIT; a++) {
          for (int b = a + 1; b < members.size() && written < LIMIT; b++) {
            int l = members.get(a);
            int r = members.get(b);
            if (!linkage.personId(l).equals(linkage.personId(r))) {
              boolean candidate = linkage.isCandidate(l, r);
              w.write(candidate ? "" : "(not a candidate: blocking missed it)\n");
              w.write(linkage.explain(l, r).toText());
              w.newLine();
              written++;
            }
          }
        }
      }
      w.write("# Wrong links: different people in truth, one person id\n\n");
      written = 0;
      for (List<Integer> members : byPerson.values()) {
        for (int a = 0; a < members.size() && written < LIMIT; a++) {
          for (int b = a + 1; b < members.size() && written < LIMIT; b++) {
            int l = members.get(a);
            int r = members.get(b);
            if (truth.cluster()[l] != truth.cluster()[r]) {
              w.write(linkage.explain(l, r).toText());
              w.newLine();
              written++;
            }
          }
        }
      }
    }
  }
}
