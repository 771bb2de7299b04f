package org.familyview.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.familyview.extracts.ExtractFile;
import org.familyview.ingest.IngestProperties;
import org.springframework.stereotype.Component;

/**
 * Where an extract's files are kept: {@code ${varDir}/extracts/{extractId}/persons.csv} and {@code
 * events.csv}. Names come from the contract, never from the sender, so nothing a client sends can
 * choose a path.
 */
@Component
public class ExtractFolders {

  private final Path root;

  public ExtractFolders(IngestProperties properties) {
    this.root = properties.extractsDir();
  }

  public Path folder(UUID extractId) {
    // A UUID's text is hex digits and dashes only: it cannot climb out of the root.
    return root.resolve(extractId.toString());
  }

  public Path file(UUID extractId, ExtractFile file) {
    return folder(extractId).resolve(file.fileName());
  }

  /**
   * Stores one file of a new extract: written beside its final name and moved into place, so a load
   * never sees half a file.
   */
  public void receive(UUID extractId, ExtractFile file, InputStream content) throws IOException {
    Path folder = Files.createDirectories(folder(extractId));
    Path partial = folder.resolve(file.fileName() + ".partial");
    Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, file(extractId, file), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Stores a file from the drop folder by copying it; the caller then moves the original aside. */
  public void receive(UUID extractId, ExtractFile file, Path source) throws IOException {
    try (InputStream in = Files.newInputStream(source)) {
      receive(extractId, file, in);
    }
  }
}
