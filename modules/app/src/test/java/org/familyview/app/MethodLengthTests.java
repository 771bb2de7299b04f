package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method in main code is longer than 60 lines (STYLE.md: small methods; issue 12 item 8). The
 * scan reads every module's {@code src/main/java} as text, so it needs no class on the classpath: a
 * small tokenizer drops comments, strings, text blocks and character literals, then every body that
 * opens after a declaration's parameter list (a method or constructor), after {@code ->} (a block
 * lambda, which may sit in a field where no method would count it) or as an initializer is measured
 * from the line of its name (or arrow) to its closing brace.
 */
class MethodLengthTests {

  static final int MOST_LINES = 60;

  private static final Set<String> NOT_A_DECLARATION =
      Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new");

  @Test
  void noMethodInMainCodeIsLongerThanSixtyLines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path file : mainSources()) {
      for (Body body : bodies(Files.readString(file))) {
        if (body.lines() > MOST_LINES) {
          tooLong.add(modules().relativize(file) + ":" + body.firstLine() + " " + body);
        }
      }
    }
    assertThat(tooLong).as("bodies over %d lines", MOST_LINES).isEmpty();
  }

  @Test
  void theScanMeasuresMethodsConstructorsLambdasAndInitializersButNotBlocks() {
    String source =
        """
        @Deprecated(since = "1")
        class A implements Runnable {
          record R(int a) implements Runnable {
            public void run() {}
          }

          A(int x) {
            this.x = x;
          }
          static {
            init();
          }
          String s = "{ not a brace";
          /* { nor this */
          int twice(int y) throws java.io.IOException {
            if (y > 0) {
              return y * 2;
            }
            Runnable r = () -> {
              run();
            };
            return new Object() {
              int inner() {
                return 1;
              }
            }.inner();
          }
        }
        """;

    List<Body> bodies = bodies(source);

    assertThat(bodies)
        .extracting(Body::toString)
        .containsExactly(
            "run 1 lines",
            "A 3 lines",
            "static 3 lines",
            "twice 13 lines",
            "-> 3 lines",
            "inner 3 lines");
  }

  @Test
  void aMethodOfSixtyOneLinesIsTooLong() {
    String body = "  void f() {\n" + "    g();\n".repeat(59) + "  }\n";

    assertThat(bodies("class B {\n" + body + "}\n"))
        .singleElement()
        .satisfies(b -> assertThat(b.lines()).isEqualTo(MOST_LINES + 1));
  }

  private static Path modules() {
    return Path.of(System.getProperty("user.dir"), "..").normalize();
  }

  private static List<Path> mainSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(modules())) {
      for (Path module : modules.sorted().toList()) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
      }
    }
    return sources;
  }

  /** A measured body: what it belongs to, where its head is and how many lines it spans. */
  record Body(String name, int firstLine, int lastLine) {
    int lines() {
      return lastLine - firstLine + 1;
    }

    @Override
    public String toString() {
      return name + " " + lines() + " lines";
    }
  }

  /** A token: an identifier, a keyword or one punctuation character, with its line. */
  private record Token(String text, int line) {}

  static List<Body> bodies(String source) {
    List<Token> tokens = tokens(source);
    List<Body> bodies = new ArrayList<>();
    Deque<Body> open = new ArrayDeque<>(); // a pending body, or null for a plain block
    Deque<Boolean> measured = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.text().equals("{")) {
        Body head = headOf(tokens, i);
        measured.push(head != null);
        if (head != null) {
          open.push(head);
        }
      } else if (token.text().equals("}") && !measured.isEmpty() && measured.pop()) {
        Body head = open.pop();
        bodies.add(new Body(head.name(), head.firstLine(), token.line()));
      }
    }
    bodies.sort((a, b) -> Integer.compare(a.firstLine(), b.firstLine()));
    return bodies;
  }

  /** The body that the brace at {@code brace} opens, or null when it opens a plain block. */
  private static Body headOf(List<Token> tokens, int brace) {
    int i = brace - 1;
    if (i < 0) {
      return null;
    }
    String before = tokens.get(i).text();
    if (before.equals("->")) {
      return new Body("->", tokens.get(i).line(), 0);
    }
    if (before.equals("static") && (i == 0 || isBoundary(tokens.get(i - 1).text()))) {
      return new Body("static", tokens.get(i).line(), 0);
    }
    int j = i;
    while (j > 0 && isThrownType(tokens.get(j).text())) {
      j--;
    }
    if (j < i && tokens.get(j).text().equals("throws")) {
      i = j - 1; // skip "throws A, b.C"
    }
    if (!tokens.get(i).text().equals(")")) {
      return null;
    }
    int open = matchingOpen(tokens, i);
    if (open < 1) {
      return null;
    }
    Token name = tokens.get(open - 1);
    boolean identifier = Character.isJavaIdentifierStart(name.text().charAt(0));
    if (!identifier || NOT_A_DECLARATION.contains(name.text())) {
      return null;
    }
    if (open >= 2 && Set.of("new", "record").contains(tokens.get(open - 2).text())) {
      return null; // an anonymous class, or a record's components
    }
    return new Body(name.text(), name.line(), 0);
  }

  private static boolean isBoundary(String text) {
    return text.equals("{") || text.equals("}") || text.equals(";");
  }

  private static boolean isThrownType(String text) {
    return !text.equals("throws")
        && (text.equals(",")
            || text.equals(".")
            || Character.isJavaIdentifierStart(text.charAt(0)));
  }

  private static int matchingOpen(List<Token> tokens, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      String text = tokens.get(i).text();
      if (text.equals(")")) {
        depth++;
      } else if (text.equals("(") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Identifiers, "->" and single punctuation characters; comments and literals dropped. */
  private static List<Token> tokens(String s) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("//", i)) {
        i = endOf(s, "\n", i + 2) - 1;
      } else if (s.startsWith("/*", i)) {
        int end = endOf(s, "*/", i + 2);
        line += newlines(s, i, end);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = endOfLiteral(s, "\"\"\"", i + 3);
        line += newlines(s, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        i = endOfLiteral(s, String.valueOf(c), i + 1);
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        tokens.add(new Token(s.substring(start, i), line));
      } else if (s.startsWith("->", i)) {
        tokens.add(new Token("->", line));
        i += 2;
      } else {
        tokens.add(new Token(String.valueOf(c), line));
        i++;
      }
    }
    return tokens;
  }

  private static int endOf(String s, String end, int from) {
    int at = s.indexOf(end, from);
    return at < 0 ? s.length() : at + end.length();
  }

  /** The index after a literal's closing quote, skipping escaped characters. */
  private static int endOfLiteral(String s, String quote, int from) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '\\') {
        i += 2;
      } else if (s.startsWith(quote, i)) {
        return i + quote.length();
      } else {
        i++;
      }
    }
    throw new UncheckedIOException(new IOException("unterminated literal at " + from));
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
