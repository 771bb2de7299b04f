package org.familyview.search.people;

import java.util.Set;

/** Which people a user may find: everyone (leads), or those in the families open to them. */
public sealed interface Visibility {

  record Everyone() implements Visibility {}

  record Families(Set<String> familyIds) implements Visibility {
    public Families {
      familyIds = Set.copyOf(familyIds);
    }
  }
}
