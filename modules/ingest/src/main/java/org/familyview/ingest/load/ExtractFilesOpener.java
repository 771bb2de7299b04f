package org.familyview.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.ExtractFile;
import org.familyview.extracts.ExtractReader;
import org.familyview.extracts.FileOpening;
import org.familyview.extracts.KnownPersons;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.Vocabulary;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractFolders;
import org.jspecify.annotations.Nullable;

/** Opens the stored files of one extract with the extract contract's reader. */
final class ExtractFilesOpener {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Extract extract;
  private final ExtractFolders folders;
  private final ExtractReader reader;

  /** {@code vocabulary}: the configured partners', so a partner's own types are known. */
  ExtractFilesOpener(Extract extract, ExtractFolders folders, Vocabulary vocabulary) {
    this.extract = extract;
    this.folders = folders;
    // Dates of birth after the day the extract arrived are impossible.
    this.reader = new ExtractReader(vocabulary, LocalDate.ofInstant(extract.receivedAt(), UK));
  }

  FileOpening<PersonRecord> persons() throws IOException {
    return reader.openPersons(extract.agency(), folders.file(extract.id(), ExtractFile.PERSONS));
  }

  /** Null when the extract has no events file. */
  @Nullable FileOpening<EventRecord> events(KnownPersons known) throws IOException {
    if (!extract.hasEvents()) {
      return null;
    }
    Path path = folders.file(extract.id(), ExtractFile.EVENTS);
    if (!Files.exists(path)) {
      throw new IOException("events.csv of extract " + extract.id() + " is missing");
    }
    return reader.openEvents(extract.agency(), path, known);
  }
}
