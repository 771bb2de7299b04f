package org.familyview.matching.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Trained Fellegi-Sunter parameters (Fellegi and Sunter 1969, "A Theory for Record Linkage", JASA
 * 64): for each comparison and level, m = P(level | same person) and u = P(level | different
 * people), and the prior probability that two records drawn at random are the same person.
 *
 * <p>The version is a hash of the numbers, so a stored decision always names the exact model that
 * made it, and two trainings that produce the same numbers share a version.
 *
 * @param version "fs1-" and the first 12 hex digits of a SHA-256 of the parameters
 * @param trainedAt when the parameters were trained (ISO-8601 instant)
 * @param comparisons comparison names, in {@code ComparisonSet} order
 * @param m per comparison, per level (index 0, missing, unused)
 * @param u per comparison, per level
 * @param prior probability that two random records are the same person
 */
public record ModelParameters(
    String version,
    String trainedAt,
    List<String> comparisons,
    double[][] m,
    double[][] u,
    double prior) {

  static final String FORMAT = "familyview-matching-model 1";
  private static final double FLOOR = 1e-9;

  public ModelParameters {
    comparisons = List.copyOf(comparisons);
  }

  /** Builds parameters and stamps their version. */
  public static ModelParameters of(
      String trainedAt, List<String> comparisons, double[][] m, double[][] u, double prior) {
    ModelParameters unversioned = new ModelParameters("", trainedAt, comparisons, m, u, prior);
    return new ModelParameters(unversioned.fingerprint(), trainedAt, comparisons, m, u, prior);
  }

  public ModelParameters withPrior(double newPrior) {
    return of(trainedAt, comparisons, m, u, newPrior);
  }

  /** log2(m/u): the evidence one comparison level adds to the match weight; 0 when missing. */
  public double weight(int comparison, int level) {
    if (level == 0) {
      return 0;
    }
    return log2(Math.max(m[comparison][level], FLOOR) / Math.max(u[comparison][level], FLOOR));
  }

  /** The prior as a match weight: log2(prior / (1 - prior)). */
  public double priorWeight() {
    return log2(prior / (1 - prior));
  }

  public static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  public void write(Writer out) throws IOException {
    out.write(body());
  }

  private String body() {
    StringBuilder s = new StringBuilder();
    s.append(FORMAT).append('\n');
    s.append("version ").append(version).append('\n');
    s.append("trained_at ").append(trainedAt).append('\n');
    s.append("prior ").append(number(prior)).append('\n');
    for (int k = 0; k < comparisons.size(); k++) {
      s.append("comparison ").append(comparisons.get(k)).append(' ').append(m[k].length);
      s.append('\n').append("m");
      for (double v : m[k]) {
        s.append(' ').append(number(v));
      }
      s.append('\n').append("u");
      for (double v : u[k]) {
        s.append(' ').append(number(v));
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }

  /** Reads the format {@link #write} produces; fails with the line that is wrong. */
  public static ModelParameters read(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    String header = reader.readLine();
    if (!FORMAT.equals(header)) {
      throw new IOException("not a FamilyView model file (expected '" + FORMAT + "')");
    }
    String version = field(reader.readLine(), "version");
    String trainedAt = field(reader.readLine(), "trained_at");
    double prior = Double.parseDouble(field(reader.readLine(), "prior"));
    List<String> names = new ArrayList<>();
    List<double[]> ms = new ArrayList<>();
    List<double[]> us = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null && !line.isBlank()) {
      String[] head = field(line, "comparison").split(" ");
      names.add(head[0]);
      ms.add(numbers(field(reader.readLine(), "m"), Integer.parseInt(head[1])));
      us.add(numbers(field(reader.readLine(), "u"), Integer.parseInt(head[1])));
    }
    ModelParameters p =
        new ModelParameters(
            version,
            trainedAt,
            names,
            ms.toArray(double[][]::new),
            us.toArray(double[][]::new),
            prior);
    if (!p.fingerprint().equals(version)) {
      throw new IOException("model file was edited: its numbers do not match version " + version);
    }
    return p;
  }

  private static String field(String line, String name) throws IOException {
    if (line == null || !line.startsWith(name + " ")) {
      throw new IOException("model file: expected a '" + name + "' line, found: " + line);
    }
    return line.substring(name.length() + 1).strip();
  }

  private static double[] numbers(String text, int expected) throws IOException {
    String[] parts = text.split(" ");
    if (parts.length != expected) {
      throw new IOException("model file: expected " + expected + " numbers, found " + parts.length);
    }
    double[] values = new double[expected];
    for (int i = 0; i < expected; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return values;
  }

  private String fingerprint() {
    ModelParameters unversioned = new ModelParameters("", "", comparisons, m, u, prior);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(unversioned.body().getBytes(StandardCharsets.UTF_8));
      return "fs1-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ModelParameters[" + version + "]";
  }
}
