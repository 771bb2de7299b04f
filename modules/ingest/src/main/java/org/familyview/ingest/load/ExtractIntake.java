package org.familyview.ingest.load;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.familyview.extracts.ExtractFile;
import org.familyview.extracts.PartnerId;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractFolders;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Receives a delivery, whichever way it came: stores its files under a new extract id, records the
 * extract as QUEUED and queues its load. The files are stored before the extract is recorded, so a
 * recorded extract always has its files.
 */
@Component
public class ExtractIntake {

  /** A file's content, opened when it is stored. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  private final Extracts extracts;
  private final ExtractFolders folders;
  private final ExtractLoads loads;
  private final Clock clock = Clock.systemUTC();

  ExtractIntake(Extracts extracts, ExtractFolders folders, ExtractLoads loads) {
    this.extracts = extracts;
    this.folders = folders;
    this.loads = loads;
  }

  public Extract receive(
      PartnerId agency,
      ExtractSource source,
      String receivedFrom,
      Content persons,
      @Nullable Content events)
      throws IOException {
    UUID id = UUID.randomUUID();
    try {
      store(id, ExtractFile.PERSONS, persons);
      if (events != null) {
        store(id, ExtractFile.EVENTS, events);
      }
    } catch (IOException | RuntimeException e) {
      FileSystemUtils.deleteRecursively(folders.folder(id));
      throw e;
    }
    Extract extract =
        extracts.queue(id, agency, source, receivedFrom, events != null, clock.instant());
    loads.submit(extract);
    return extract;
  }

  private void store(UUID id, ExtractFile file, Content content) throws IOException {
    try (InputStream in = content.open()) {
      folders.receive(id, file, in);
    }
  }
}
