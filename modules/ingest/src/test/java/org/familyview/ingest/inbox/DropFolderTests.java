package org.familyview.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.familyview.extracts.ExtractFile;
import org.familyview.extracts.PartnerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTests {

  @TempDir Path root;

  @Test
  void findsTheContractFilesInTheAgencysOwnFolder() throws Exception {
    DropFolder police = new DropFolder(root, PartnerId.POLICE);
    Files.createDirectories(police.folder());
    Files.writeString(police.folder().resolve("persons.csv"), "record_id\n");

    assertThat(police.folder()).isEqualTo(root.resolve("police").toAbsolutePath().normalize());
    assertThat(police.file(ExtractFile.PERSONS)).isPresent();
    assertThat(police.file(ExtractFile.EVENTS)).isEmpty();
  }

  @Test
  void aSymbolicLinkNamedLikeAContractFileIsNotFollowedOutOfTheFolder() throws Exception {
    Path secret = Files.writeString(root.resolve("secret.csv"), "not for the inbox\n");
    DropFolder police = new DropFolder(root, PartnerId.POLICE);
    Files.createDirectories(police.folder());
    Files.createSymbolicLink(police.folder().resolve("persons.csv"), Path.of("../secret.csv"));

    assertThat(police.file(ExtractFile.PERSONS)).isEmpty();
    assertThat(secret).exists();
  }

  @Test
  void processedFilesAreMovedAsideNeverDeleted() throws Exception {
    DropFolder health = new DropFolder(root, PartnerId.HEALTH);
    Files.createDirectories(health.folder());
    Path persons = Files.writeString(health.folder().resolve("persons.csv"), "record_id\n");

    Path moved = health.moveAside(persons, "abc");

    assertThat(persons).doesNotExist();
    assertThat(moved).isEqualTo(health.processed().resolve("abc-persons.csv")).exists();
  }

  @Test
  void aFileIsSettledOnlyOnceItHasNotChangedForTheSettleTime() {
    Instant now = Instant.parse("2026-11-21T20:00:00Z");
    DropFolder.Snapshot justWritten = new DropFolder.Snapshot(10, now.minusSeconds(2));
    DropFolder.Snapshot quiet = new DropFolder.Snapshot(10, now.minusSeconds(30));

    assertThat(DropFolder.settled(justWritten, now, Duration.ofSeconds(10))).isFalse();
    assertThat(DropFolder.settled(quiet, now, Duration.ofSeconds(10))).isTrue();
  }
}
