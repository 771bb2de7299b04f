package org.familyview.extracts;

/** The two files of an extract, by their contract names (used as {@code file} in problems). */
public enum ExtractFile {
  PERSONS("persons.csv"),
  EVENTS("events.csv");

  private final String fileName;

  ExtractFile(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
