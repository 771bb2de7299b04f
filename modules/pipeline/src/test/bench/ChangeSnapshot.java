import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The two nights of {@code ./familyview bench nightly --changed F}, cut from one generated world
 * (single-file program: {@code java ChangeSnapshot.java --in GEN --changed F --seed S --night1 D1
 * --night2 D2}). Each agency's persons are split at random into three equal shares of F/3:
 *
 * <ul>
 *   <li><b>new</b>: held back from the first night's snapshot, delivered on the second;
 *   <li><b>gone</b>: delivered on the first night, left out of the second (no longer current);
 *   <li><b>changed</b>: on the second night the person has moved (the address and postcode of
 *       another random record of the agency) or, without an address, has a new phone number;
 * </ul>
 *
 * and every other record is delivered unchanged both nights. Events go with their person: held
 * back with a new one, left out with a gone one. The new records are the generator's own, so their
 * identifiers and their truth are as consistent as the rest. Prints one line per agency.
 */
public class ChangeSnapshot {

  public static void main(String[] args) throws IOException {
    Path in = null, night1 = null, night2 = null;
    double changed = 0;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--in" -> in = Path.of(args[i + 1]);
        case "--night1" -> night1 = Path.of(args[i + 1]);
        case "--night2" -> night2 = Path.of(args[i + 1]);
        case "--changed" -> changed = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (in == null || night1 == null || night2 == null || !(changed > 0 && changed <= 0.25)) {
      throw new IllegalArgumentException(
          "usage: --in GEN --changed F (0 < F <= 0.25) --seed S --night1 DIR --night2 DIR");
    }
    Random random = new Random(seed);
    for (String agency : List.of("police", "health", "council", "education")) {
      Path dir = in.resolve(agency);
      if (Files.exists(dir.resolve("persons.csv"))) {
        cut(agency, dir, night1.resolve(agency), night2.resolve(agency), changed / 3, random);
      }
    }
  }

  private static void cut(
      String agency, Path dir, Path first, Path second, double share, Random random)
      throws IOException {
    List<List<String>> persons = read(dir.resolve("persons.csv"));
    List<String> header = persons.removeFirst();
    int id = header.indexOf("record_id");
    int address = header.indexOf("address");
    int postcode = header.indexOf("postcode");
    int phone = header.indexOf("phone");
    Set<String> fresh = new HashSet<>();
    Set<String> gone = new HashSet<>();
    List<List<String>> tonight = new ArrayList<>();
    List<List<String>> tomorrow = new ArrayList<>();
    int changedCount = 0;
    for (List<String> row : persons) {
      double r = random.nextDouble();
      if (r < share) {
        fresh.add(row.get(id));
        tomorrow.add(row);
      } else if (r < 2 * share) {
        gone.add(row.get(id));
        tonight.add(row);
      } else if (r < 3 * share) {
        tonight.add(row);
        List<String> moved = new ArrayList<>(row);
        List<String> other = persons.get(random.nextInt(persons.size()));
        if (address >= 0 && postcode >= 0 && !other.get(postcode).isEmpty()) {
          moved.set(address, other.get(address));
          moved.set(postcode, other.get(postcode));
        } else if (phone >= 0) {
          moved.set(phone, String.format("07700 9%05d", random.nextInt(100_000)));
        }
        tomorrow.add(moved);
        changedCount++;
      } else {
        tonight.add(row);
        tomorrow.add(row);
      }
    }
    write(first.resolve("persons.csv"), header, tonight);
    write(second.resolve("persons.csv"), header, tomorrow);
    events(dir, first, second, fresh, gone);
    System.out.printf(
        "%s: %d records; second night %d new, %d gone, %d changed%n",
        agency, persons.size(), fresh.size(), gone.size(), changedCount);
  }

  private static void events(Path dir, Path first, Path second, Set<String> fresh, Set<String> gone)
      throws IOException {
    Path file = dir.resolve("events.csv");
    if (!Files.exists(file)) {
      return;
    }
    List<List<String>> events = read(file);
    List<String> header = events.removeFirst();
    int person = header.indexOf("record_id");
    List<List<String>> tonight = new ArrayList<>();
    List<List<String>> tomorrow = new ArrayList<>();
    for (List<String> row : events) {
      String id = row.get(person);
      if (!fresh.contains(id)) {
        tonight.add(row);
      }
      if (!gone.contains(id)) {
        tomorrow.add(row);
      }
    }
    write(first.resolve("events.csv"), header, tonight);
    write(second.resolve("events.csv"), header, tomorrow);
  }

  /** RFC 4180, as the generator writes it: quoted fields may hold commas, quotes, line breaks. */
  private static List<List<String>> read(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = reader.read()) != -1) {
        char ch = (char) c;
        any = true;
        if (quoted) {
          if (ch == '"') {
            reader.mark(1);
            int next = reader.read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (next != -1) {
                reader.reset();
              }
            }
          } else {
            field.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') {
            reader.mark(1);
            if (reader.read() != '\n') {
              reader.reset();
            }
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
        } else {
          field.append(ch);
        }
      }
      if (any) {
        row.add(field.toString());
        rows.add(row);
      }
    }
    return rows;
  }

  private static void write(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      line(out, header);
      for (List<String> row : rows) {
        line(out, row);
      }
    }
  }

  private static void line(BufferedWriter out, List<String> row) throws IOException {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String value = row.get(i);
      if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\r') >= 0) {
        out.write('"' + value.replace("\"", "\"\"") + '"');
      } else {
        out.write(value);
      }
    }
    out.write("\r\n");
  }
}
