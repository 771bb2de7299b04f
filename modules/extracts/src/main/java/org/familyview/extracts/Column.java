package org.familyview.extracts;

import java.util.Locale;

/** A column of an extract file, by its header name. */
public sealed interface Column permits PersonColumn, EventColumn {

  /** The constant's name, as every enum has it. */
  String name();

  /** The header name: the column's name in lower case, as the contract spells every header. */
  default String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A required column must be in the header, or the whole file is rejected. */
  boolean requiredInHeader();
}
