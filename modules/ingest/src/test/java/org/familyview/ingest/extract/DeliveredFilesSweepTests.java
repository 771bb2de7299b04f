package org.familyview.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveredFilesSweepTests {

  static final Instant NOW = Instant.parse("2026-11-22T03:45:00Z");

  @TempDir Path var;

  @Test
  void filesOfExtractsFinishedBeforeTheWindowAreDeletedAndNoOthers() throws Exception {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    Path extracts = var.resolve("extracts");
    Path inbox = var.resolve("inbox");
    for (UUID id : List.of(old, recent)) {
      Files.createDirectories(extracts.resolve(id.toString()));
      Files.writeString(extracts.resolve(id.toString()).resolve("persons.csv"), "record_id\n1\n");
      Files.createDirectories(inbox.resolve("police/processed"));
      Files.writeString(inbox.resolve("police/processed").resolve(id + "-persons.csv"), "x");
    }
    Path unrelated = inbox.resolve("police/processed/notes.txt");
    Files.writeString(unrelated, "kept");
    List<Instant> asked = new ArrayList<>();
    DeliveredFilesSweep sweep =
        new DeliveredFilesSweep(
            extracts,
            inbox,
            Duration.ofDays(30),
            cutoff -> {
              asked.add(cutoff);
              return List.of(old);
            },
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(sweep.sweep()).isEqualTo(1);

    assertThat(asked).containsExactly(NOW.minus(Duration.ofDays(30)));
    assertThat(extracts.resolve(old.toString())).doesNotExist();
    assertThat(inbox.resolve("police/processed").resolve(old + "-persons.csv")).doesNotExist();
    assertThat(extracts.resolve(recent.toString()).resolve("persons.csv")).exists();
    assertThat(inbox.resolve("police/processed").resolve(recent + "-persons.csv")).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void aSecondSweepFindsNothingLeftAndMissingFoldersAreNoError() throws Exception {
    UUID gone = UUID.randomUUID();
    DeliveredFilesSweep sweep =
        new DeliveredFilesSweep(
            var.resolve("extracts"),
            var.resolve("inbox"),
            Duration.ofDays(30),
            cutoff -> List.of(gone),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(sweep.sweep()).isZero();
  }
}
