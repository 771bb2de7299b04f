package org.familyview.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.familyview.extracts.ExtractReader;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The reader's restart position: a restarted step must hand out exactly the rows not yet read. */
class ExtractRowsReaderTests {

  @TempDir Path dir;

  @Test
  void aRestartedReaderContinuesAfterTheLastSavedRowAndStillSeesEarlierIdsAsDuplicates()
      throws Exception {
    Path persons = dir.resolve("persons.csv");
    Files.writeString(
        persons,
        "record_id,given_name\n"
            + "A,Ann\n" // 2
            + "B,\"Bea\nBee\"\n" // 3-4
            + "C,Cy\n" // 5
            + "A,Again\n" // 6 duplicate of line 2
            + "D,Di\n"); // 7
    ExtractReader contract = new ExtractReader(Vocabulary.standard(), LocalDate.of(2026, 11, 1));

    ExtractRowsReader<PersonRecord> first = reader(contract, persons);
    ExecutionContext context = new ExecutionContext();
    first.open(context);
    first.read();
    first.read();
    first.update(context);
    first.read(); // read but never committed: the kill comes before the chunk commits
    first.close();

    ExtractRowsReader<PersonRecord> restarted = reader(contract, persons);
    restarted.open(context);
    List<String> rest = new ArrayList<>();
    for (RowOutcome<PersonRecord> o = restarted.read(); o != null; o = restarted.read()) {
      rest.add(o.line() + ":" + (o instanceof RowOutcome.Accepted<?> ? "accepted" : "rejected"));
    }
    restarted.close();

    assertThat(rest).containsExactly("5:accepted", "6:rejected", "7:accepted");
  }

  @Test
  void anExtractWithoutTheFileHasNoRows() {
    ExtractRowsReader<PersonRecord> none =
        ExtractRowsReader.<PersonRecord>builder().name("none").opener(() -> null).build();
    none.open(new ExecutionContext());
    assertThat(none.read()).isNull();
    none.close();
  }

  private static ExtractRowsReader<PersonRecord> reader(ExtractReader contract, Path persons) {
    return ExtractRowsReader.<PersonRecord>builder()
        .name("personRows")
        .opener(() -> contract.openPersons(PartnerId.POLICE, persons))
        .build();
  }
}
