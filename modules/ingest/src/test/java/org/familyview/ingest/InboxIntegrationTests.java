package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.inbox.InboxPoller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The SFTP drop folders against the real PostgreSQL: a settled delivery becomes an extract. */
@SpringBootTest
class InboxIntegrationTests {

  @Autowired InboxPoller inbox;
  @Autowired IngestProperties properties;

  @Test
  void aSettledDeliveryIsTakenAndItsFilesAreMovedAsideNotDeleted() throws Exception {
    Path council = Files.createDirectories(properties.inboxDir().resolve("council"));
    Files.writeString(council.resolve("persons.csv"), ExtractFixtures.policePersons());
    Files.writeString(council.resolve("notes.txt"), "left alone");

    assertThat(inbox.poll()).as("first sight: not yet known to be settled").isEmpty();
    List<Extract> taken = inbox.poll();

    assertThat(taken)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo(ExtractSource.INBOX);
              assertThat(e.agency().code()).isEqualTo("council");
              assertThat(e.hasEvents()).isFalse();
            });
    String id = taken.getFirst().id().toString();
    assertThat(council.resolve("persons.csv")).doesNotExist();
    assertThat(council.resolve("processed").resolve(id + "-persons.csv")).exists();
    assertThat(council.resolve("notes.txt")).exists();
    assertThat(properties.extractsDir().resolve(id).resolve("persons.csv")).exists();
    assertThat(inbox.poll()).isEmpty();
  }
}
