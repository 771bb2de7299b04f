package org.familyview.linktool;

/** An input file the command cannot use; the message names the file, the line and why. */
final class ExtractRejected extends RuntimeException {

  ExtractRejected(String message) {
    super(message);
  }
}
