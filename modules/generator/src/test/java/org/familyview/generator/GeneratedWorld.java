package org.familyview.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.ExtractReader;
import org.familyview.extracts.FileOpening;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.Problem;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.Rows;
import org.familyview.extracts.Vocabulary;

/** A generated world read back with the extract contract's reader, for assertions. */
final class GeneratedWorld {

  final Path dir;
  final List<PersonRecord> persons = new ArrayList<>();
  final List<EventRecord> events = new ArrayList<>();
  final List<Problem> rejects = new ArrayList<>();
  final List<Problem> warnings = new ArrayList<>();

  /** Each reject as agency/file:line. */
  final Set<String> rejectedLines = new HashSet<>();

  private GeneratedWorld(Path dir) {
    this.dir = dir;
  }

  static GeneratedWorld generate(GeneratorOptions options) throws IOException {
    new Generator(options).run();
    return read(options.out(), options.asOf());
  }

  static GeneratedWorld read(Path dir, java.time.LocalDate asOf) throws IOException {
    GeneratedWorld world = new GeneratedWorld(dir);
    ExtractReader reader = new ExtractReader(Vocabulary.standard(), asOf);
    for (PartnerId agency : PartnerId.V1) {
      Path agencyDir = dir.resolve(agency.code());
      Set<String> known = new HashSet<>();
      for (RowOutcome<PersonRecord> outcome :
          drain(reader.openPersons(agency, agencyDir.resolve("persons.csv")))) {
        world.collect(agency, outcome);
        if (outcome instanceof RowOutcome.Accepted<PersonRecord> accepted) {
          world.persons.add(accepted.record());
          known.add(accepted.record().recordId());
        }
      }
      for (RowOutcome<EventRecord> outcome :
          drain(reader.openEvents(agency, agencyDir.resolve("events.csv"), known::contains))) {
        world.collect(agency, outcome);
        if (outcome instanceof RowOutcome.Accepted<EventRecord> accepted) {
          world.events.add(accepted.record());
        }
      }
    }
    return world;
  }

  List<String[]> table(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(dir.resolve(name));
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  private void collect(PartnerId agency, RowOutcome<?> outcome) {
    switch (outcome) {
      case RowOutcome.Accepted<?> accepted -> warnings.addAll(accepted.warnings());
      case RowOutcome.Rejected<?> rejected -> {
        rejects.add(rejected.problem());
        rejectedLines.add(
            agency.code() + "/" + rejected.problem().file() + ":" + rejected.problem().line());
      }
    }
  }

  private static <R extends org.familyview.extracts.SourceRecord> List<RowOutcome<R>> drain(
      FileOpening<R> opening) throws IOException {
    if (!(opening instanceof FileOpening.Opened<R> opened)) {
      throw new AssertionError("generated file rejected whole: " + opening);
    }
    if (!opened.fileWarnings().isEmpty()) {
      throw new AssertionError("generated header has warnings: " + opened.fileWarnings());
    }
    List<RowOutcome<R>> outcomes = new ArrayList<>();
    try (Rows<R> rows = opened.rows()) {
      rows.forEachRemaining(outcomes::add);
    }
    return outcomes;
  }
}
