package org.familyview.extracts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads an agency's extract files as the contract (v1) defines them. This is the entry point for
 * the load:
 *
 * <pre>{@code
 * ExtractReader reader = new ExtractReader(Vocabulary.standard(), extractDate);
 * switch (reader.openPersons(PartnerId.POLICE, personsPath)) {
 *   case FileOpening.FileRejected<PersonRecord> rejected -> fail the extract with rejected.problem()
 *   case FileOpening.Opened<PersonRecord> opened -> {
 *     try (Rows<PersonRecord> rows = opened.rows()) {
 *       while (rows.hasNext()) {
 *         switch (rows.next()) {
 *           case RowOutcome.Accepted<PersonRecord> a -> store a.record(), a.warnings()
 *           case RowOutcome.Rejected<PersonRecord> r -> quarantine r.problem()
 *         }
 *       }
 *     }
 *   }
 * }
 * }</pre>
 *
 * Events are read the same way with {@link #openEvents}, given a {@link KnownPersons} that knows
 * the persons accepted from this extract and those stored from earlier ones.
 *
 * <p>Opening a file reads it twice: a fast first pass over the bytes rejects a file that is not
 * UTF-8 or whose quoting is broken before any row is handed out, so nothing of a broken file is
 * ever applied; then the rows stream one at a time. Hence a path, not a stream: uploads and the
 * drop folder are files on disk anyway.
 */
public final class ExtractReader {

  private final Vocabulary vocabulary;
  private final LocalDate extractDate;

  /**
   * @param vocabulary the event types, normally {@link Vocabulary#standard()}
   * @param extractDate the date the extract was taken: dates of birth after it are impossible
   */
  public ExtractReader(Vocabulary vocabulary, LocalDate extractDate) {
    this.vocabulary = vocabulary;
    this.extractDate = extractDate;
  }

  public FileOpening<PersonRecord> openPersons(PartnerId agency, Path path) throws IOException {
    return open(
        path, ExtractFile.PERSONS, PersonColumn.class, new PersonRules(agency, extractDate));
  }

  /**
   * Opens {@code persons.csv} with its values as delivered (see {@link DeliveredPerson}): the same
   * file checks and header as {@link #openPersons}, but only rows without a record_id or with a
   * repeated one are rejected, and no value is dropped. For the offline matcher.
   */
  public FileOpening<DeliveredPerson> openPersonsAsDelivered(Path path) throws IOException {
    return open(path, ExtractFile.PERSONS, PersonColumn.class, new DeliveredPersonRules());
  }

  public FileOpening<EventRecord> openEvents(PartnerId agency, Path path, KnownPersons knownPersons)
      throws IOException {
    return open(
        path,
        ExtractFile.EVENTS,
        EventColumn.class,
        new EventRules(agency, vocabulary, knownPersons, extractDate));
  }

  private static <C extends Enum<C> & Column, R extends ExtractRow> FileOpening<R> open(
      Path path, ExtractFile kind, Class<C> columns, RowRules<C, R> rules) throws IOException {
    FileInspection.Result inspection = FileInspection.inspect(path, kind.fileName());
    if (inspection.problem() != null) {
      return new FileOpening.FileRejected<>(inspection.problem());
    }
    long dataRows = Math.max(0, inspection.records() - 1);
    return CsvRowSource.open(path, kind, columns, dataRows, rules);
  }
}
