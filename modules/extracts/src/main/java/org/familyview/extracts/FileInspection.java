package org.familyview.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A first pass over a file's bytes that finds what would make it unreadable part-way through: bytes
 * that are not UTF-8, and quoting the CSV parser cannot recover from (a quoted field never closed,
 * text straight after a closing quote). Finding them before the first row is what lets the load
 * reject a broken file whole instead of half-applying it. It also counts the records, which feeds
 * the progress bar.
 *
 * <p>UTF-8 well-formedness follows RFC 3629 section 4 (no overlong forms, no surrogates, nothing
 * above U+10FFFF). The pass runs at disk speed: one branch per byte, no decoding.
 */
final class FileInspection {

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  /** The records found (the header included), or the problem that rejects the file. */
  record Result(long records, @Nullable Problem problem) {}

  private FileInspection() {}

  static Result inspect(Path path, String file) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return new Scan(file).run(in);
    }
  }

  private static final class Scan {
    private final String file;
    private long line = 1;
    private long records;
    private boolean recordHasContent;
    private boolean anyContent;
    private int state = FIELD_START;
    private long quoteStartLine;
    private boolean previousWasCr;
    // UTF-8 decoding state: continuation bytes still expected, and the bounds of the next one.
    private int pending;
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    Scan(String file) {
      this.file = file;
    }

    Result run(InputStream in) throws IOException {
      byte[] buffer = new byte[1 << 16];
      boolean first = true;
      int n;
      while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        int from = 0;
        if (first
            && n >= 3
            && (buffer[0] & 0xFF) == 0xEF
            && (buffer[1] & 0xFF) == 0xBB
            && (buffer[2] & 0xFF) == 0xBF) {
          from = 3;
        }
        first = false;
        for (int i = from; i < n; i++) {
          Problem problem = accept(buffer[i] & 0xFF);
          if (problem != null) {
            return new Result(records, problem);
          }
        }
      }
      return finish();
    }

    private @Nullable Problem accept(int b) {
      if (pending > 0) {
        if (b < nextMin || b > nextMax) {
          return notUtf8();
        }
        pending--;
        nextMin = 0x80;
        nextMax = 0xBF;
        return null;
      }
      if (b >= 0x80) {
        return lead(b);
      }
      if (b == '\n') {
        if (!previousWasCr) {
          lineBreak();
        }
        previousWasCr = false;
        return null;
      }
      previousWasCr = b == '\r';
      if (b == '\r') {
        lineBreak();
        return null;
      }
      return character(b);
    }

    private @Nullable Problem lead(int b) {
      previousWasCr = false;
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending = 2;
        nextMin = b == 0xE0 ? 0xA0 : 0x80;
        nextMax = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending = 3;
        nextMin = b == 0xF0 ? 0x90 : 0x80;
        nextMax = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return notUtf8();
      }
      return character('x');
    }

    private void lineBreak() {
      if (state == QUOTED) {
        line++;
        return;
      }
      line++;
      if (recordHasContent) {
        records++;
      }
      recordHasContent = false;
      state = FIELD_START;
    }

    private @Nullable Problem character(int b) {
      if (b != ' ' && b != '\t') {
        anyContent = true;
      }
      recordHasContent = true;
      switch (state) {
        case FIELD_START -> {
          if (b == '"') {
            state = QUOTED;
            quoteStartLine = line;
          } else if (b != ',') {
            state = UNQUOTED;
          }
        }
        case UNQUOTED -> {
          if (b == ',') {
            state = FIELD_START;
          }
        }
        case QUOTED -> {
          if (b == '"') {
            state = QUOTE_IN_QUOTED;
          }
        }
        default -> {
          if (b == '"') {
            state = QUOTED;
          } else if (b == ',') {
            state = FIELD_START;
          } else {
            return new Problem(
                file,
                line,
                null,
                ProblemCode.MALFORMED_CSV,
                "line "
                    + line
                    + " has text straight after a closing quote; a quote inside a quoted field"
                    + " must be doubled");
          }
        }
      }
      return null;
    }

    private Problem notUtf8() {
      return new Problem(
          file,
          line,
          null,
          ProblemCode.NOT_UTF8,
          "the file is not UTF-8: line " + line + " has a byte sequence that is not valid UTF-8");
    }

    private Result finish() {
      if (pending > 0) {
        return new Result(records, notUtf8());
      }
      if (state == QUOTED) {
        return new Result(
            records,
            new Problem(
                file,
                quoteStartLine,
                null,
                ProblemCode.MALFORMED_CSV,
                "the quoted field that starts on line " + quoteStartLine + " is never closed"));
      }
      if (recordHasContent) {
        records++;
      }
      if (!anyContent) {
        return new Result(
            0, new Problem(file, 0, null, ProblemCode.EMPTY_FILE, "the file is empty"));
      }
      return new Result(records, null);
    }
  }
}
