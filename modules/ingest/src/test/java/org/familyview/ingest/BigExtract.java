package org.familyview.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A large, deterministic education extract for the restart test: big enough that a load takes many
 * seconds, with a sprinkling of rows the contract rejects or warns about so that quarantine
 * survives the restart too.
 */
final class BigExtract {

  private static final String[] GIVEN = {"Amelia", "Olivia", "Noah", "Leo", "Isla", "Muhammad"};
  private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Khan", "Evans"};
  private static final String[] TYPES = {
    "persistent_absence", "suspension", "child_missing_education", "elective_home_education"
  };

  private BigExtract() {}

  static void write(Path dir, int persons, int eventsPerPerson, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("persons.csv"))) {
      out.write("record_id,given_name,family_name,date_of_birth,postcode,upn\n");
      for (int i = 0; i < persons; i++) {
        int roll = random.nextInt(1000);
        String id = roll == 0 && i > 0 ? "S" + (i - 1) : "S" + i; // a duplicate now and then
        String given = roll == 1 ? "" : GIVEN[random.nextInt(GIVEN.length)];
        String family = roll == 1 ? "" : FAMILY[random.nextInt(FAMILY.length)];
        String dob =
            roll == 2
                ? "2014-02-30"
                : "20"
                    + (10 + random.nextInt(10))
                    + "-0"
                    + (1 + random.nextInt(9))
                    + "-1"
                    + random.nextInt(10);
        out.write(id + "," + given + "," + family + "," + dob + ",M1 1AE,\n");
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("events.csv"))) {
      out.write("event_id,record_id,occurred_at,type,summary\n");
      long n = 0;
      for (int i = 0; i < persons; i++) {
        for (int e = 0; e < eventsPerPerson; e++) {
          int roll = random.nextInt(1000);
          String person = roll == 0 ? "NOBODY" + i : "S" + i;
          String type = roll == 1 ? "no_such_type" : TYPES[random.nextInt(TYPES.length)];
          out.write(
              "V"
                  + (n++)
                  + ","
                  + person
                  + ",2025-0"
                  + (1 + random.nextInt(9))
                  + "-1"
                  + random.nextInt(10)
                  + ","
                  + type
                  + ",\"Seen at school, noted\"\n");
        }
      }
    }
  }
}
