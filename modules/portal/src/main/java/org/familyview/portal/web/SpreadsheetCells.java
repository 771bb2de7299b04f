package org.familyview.portal.web;

/**
 * Makes a cell of a CSV download safe to open in a spreadsheet: one that starts with {@code = +
 * - @}, a tab or a carriage return is prefixed with an apostrophe, so the spreadsheet shows it as
 * text instead of running it as a formula (OWASP, "CSV Injection"). Every CSV export uses this one
 * rule.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  public static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}
