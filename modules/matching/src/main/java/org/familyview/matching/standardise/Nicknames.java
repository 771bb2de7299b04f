package org.familyview.matching.standardise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The maintained table of nicknames and diminutives ({@code nicknames.txt} on the classpath). A
 * nickname can belong to more than one formal name (Alex: Alexander, Alexandra), so a name maps to
 * a set of canonical forms and two names are equivalent when their sets meet.
 */
public final class Nicknames {

  private static final String RESOURCE = "/org/familyview/matching/standardise/nicknames.txt";
  private static final Nicknames DEFAULT = load();

  private final Map<String, String[]> canonical;

  Nicknames(Map<String, String[]> canonical) {
    this.canonical = canonical;
  }

  public static Nicknames standard() {
    return DEFAULT;
  }

  /** Canonical forms of a cleaned forename; a name the table does not know is its own form. */
  public String[] canonicalForms(String forename) {
    String[] forms = canonical.get(forename);
    return forms != null ? forms : new String[] {forename};
  }

  public int size() {
    return canonical.size();
  }

  private static Nicknames load() {
    try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines read {@code formal: nick, nick, ...}; '#' starts a comment. */
  static Nicknames parse(BufferedReader reader) throws IOException {
    Map<String, Set<String>> forms = new HashMap<>();
    String line;
    while ((line = reader.readLine()) != null) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      int colon = content.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("nickname line without ':' : " + content);
      }
      String formal = NameCleaner.clean(content.substring(0, colon)).replace(" ", "");
      forms.computeIfAbsent(formal, k -> new LinkedHashSet<>()).add(formal);
      for (String nick : content.substring(colon + 1).split(",")) {
        String cleaned = NameCleaner.clean(nick).replace(" ", "");
        if (!cleaned.isEmpty()) {
          forms.computeIfAbsent(cleaned, k -> new LinkedHashSet<>()).add(formal);
        }
      }
    }
    Map<String, String[]> result = new HashMap<>();
    forms.forEach((name, set) -> result.put(name, orderedForms(name, set)));
    return new Nicknames(result);
  }

  // A formal name keeps itself first so blocking and term frequencies use the commonest reading.
  private static String[] orderedForms(String name, Set<String> set) {
    List<String> ordered = new ArrayList<>(set);
    if (ordered.remove(name)) {
      ordered.addFirst(name);
    }
    return ordered.toArray(String[]::new);
  }
}
