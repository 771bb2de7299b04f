package org.familyview.matching.estimate;

/**
 * How much data training looks at. Training samples rather than reading everything, so that it
 * costs seconds on a million records; the defaults give u from 400,000 random pairs and m from
 * blocks covering about 150,000 records.
 *
 * @param randomPairs random record pairs drawn to estimate u
 * @param trainingRecords roughly how many records' blocks feed expectation-maximisation
 * @param maxBlockSize training blocks bigger than this are skipped
 * @param maxIterations EM iterations per training block rule
 * @param seed random seed, so that training is repeatable
 */
public record TrainingConfig(
    int randomPairs, int trainingRecords, int maxBlockSize, int maxIterations, long seed) {

  public static TrainingConfig standard() {
    return new TrainingConfig(400_000, 150_000, 200, 100, 20261121L);
  }
}
