package org.familyview.matching.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The model shipped with the library for populations too small to train on: expectation
 * maximisation on a few dozen records has a few hundred pairs to learn from, and on the generator
 * it linked none of a 12-record world's people (docs/benchmarks.md). Trained without labels by
 * {@code link} on {@code generate --people 100000 --seed 31} (141,697 records), version
 * fs1-b49b735099c3; re-train and replace the resource as any model is replaced. Its prior is
 * rescaled to the population being linked: the expected number of other records of the same person
 * per record is kept, not the share of matching pairs.
 */
public final class DefaultModel {

  /** Below this many records the default model is used instead of training. */
  public static final int SMALL_POPULATION = 50;

  static final String RESOURCE = "default-model.txt";

  /** Records of the population the shipped model was trained on. */
  static final long TRAINED_ON_RECORDS = 141_697;

  private DefaultModel() {}

  /** The shipped model with its prior rescaled to a population of {@code records}. */
  public static ModelParameters forPopulation(int records) {
    ModelParameters shipped = load();
    double matchesPerRecord = shipped.prior() * (TRAINED_ON_RECORDS - 1);
    double prior = matchesPerRecord / Math.max(1, records - 1);
    return shipped.withPrior(Trainer.boundedPrior(prior, Math.max(records, 2)));
  }

  /** Whether a model is the shipped one (whatever prior it was given). */
  public static boolean isShipped(ModelParameters model) {
    ModelParameters shipped = load();
    return java.util.Arrays.deepEquals(shipped.m(), model.m())
        && java.util.Arrays.deepEquals(shipped.u(), model.u());
  }

  static ModelParameters load() {
    try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the matching library lacks its " + RESOURCE);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return ModelParameters.read(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
