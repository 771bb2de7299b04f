package org.familyview.extracts;

/** A column of an extract file, by its header name. */
public sealed interface Column permits PersonColumn, EventColumn {

  /** The header name, lower case. */
  String header();

  /** A required column must be in the header, or the whole file is rejected. */
  boolean requiredInHeader();
}
