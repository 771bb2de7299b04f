package org.familyview.audit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The staff register: {@code username,family_name,postcode}, one member of staff a line, with that
 * header. HR owns it; FamilyView only reads it. A missing file is an empty register (the report
 * then finds nothing, and says so), a malformed line is an error naming its line, never skipped.
 */
public final class StaffRegister {

  private StaffRegister() {}

  /** The outcome of reading the register. */
  public sealed interface Loaded {
    record Members(List<StaffMember> members) implements Loaded {}

    record Missing(Path file) implements Loaded {}

    record Malformed(List<String> problems) implements Loaded {}
  }

  public static Loaded read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Loaded.Missing(file);
    }
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Loaded.Malformed(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
    }
  }

  static Loaded parse(List<String> lines) {
    List<StaffMember> members = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (lines.isEmpty()
        || !lines
            .getFirst()
            .strip()
            .replace("\uFEFF", "")
            .equals("username,family_name,postcode")) {
      return new Loaded.Malformed(
          List.of("line 1: the header must be username,family_name,postcode"));
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 3) {
        problems.add("line " + (i + 1) + ": expected 3 fields, found " + fields.length);
      } else if (fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
        // Which field is empty, never its neighbours' values: the register is personal data.
        problems.add("line " + (i + 1) + ": every field is required");
      } else {
        members.add(StaffMember.of(fields[0], fields[1], fields[2]));
      }
    }
    return problems.isEmpty()
        ? new Loaded.Members(List.copyOf(members))
        : new Loaded.Malformed(problems);
  }
}
