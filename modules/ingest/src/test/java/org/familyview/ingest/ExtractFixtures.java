package org.familyview.ingest;

/**
 * Small extract files whose every row has a known fate, named for the state they create. Line
 * numbers in comments are the physical lines (the header is line 1).
 */
final class ExtractFixtures {

  private ExtractFixtures() {}

  static final String PERSONS_HEADER =
      "record_id,given_name,family_name,date_of_birth,postcode,nhs_number,email\r\n";

  /** Four persons accepted (two with a warning), three rows rejected. */
  static String policePersons() {
    return PERSONS_HEADER
        + "P1,Alice,Smith,2010-02-03,SW1A 1AA,,\r\n" // 2 accepted
        + "P2,\"Bob, Jr\",Jones,2012-13-40,,,\r\n" // 3 accepted, date_of_birth dropped
        + ",Carl,Brown,2011-01-01,,,\r\n" // 4 rejected: record_id missing
        + "P4,,,2011-01-01,,,\r\n" // 5 rejected: no name
        + "P1,Alice,Smith,2010-02-03,SW1A 1AA,,\r\n" // 6 rejected: duplicate of line 2
        + "P6,\"Multi\r\nline\",Green,2015-06-07,,,\r\n" // 7-8 accepted, embedded line break
        + "P7,Dan,White,2009-05-05,NOT A POSTCODE,,\r\n"; // 9 accepted, postcode dropped
  }

  /** The same persons tonight, except that P1 changed address and P7 is gone. */
  static String policePersonsNextNight() {
    return PERSONS_HEADER
        + "P1,Alice,Smith,2010-02-03,M1 1AE,,\r\n"
        + "P2,\"Bob, Jr\",Jones,2012-13-40,,,\r\n"
        + "P6,\"Multi\r\nline\",Green,2015-06-07,,,\r\n";
  }

  static final String EVENTS_HEADER = "event_id,record_id,occurred_at,type,summary\r\n";

  /** Two events accepted, two rejected. */
  static String policeEvents() {
    return EVENTS_HEADER
        + "E1,P1,2024-01-02,asb_incident,Noise complaint\r\n" // 2 accepted
        + "E2,P999,2024-01-02,asb_incident,Unknown person\r\n" // 3 rejected: unknown person
        + "E3,P1,2024-01-02,no_such_type,Bad type\r\n" // 4 rejected: unknown type
        + "E4,P6,2024-02-02T10:00:00,missing_person,\"=HYPERLINK(\"\"x\"\")\"\r\n"; // 5 accepted
  }

  /** Structurally broken: the required record_id column is missing. */
  static String personsWithoutRecordId() {
    return "given_name,family_name\r\nZed,Broken\r\n";
  }

  /** Structurally broken: a byte sequence that is not UTF-8 on line 3. */
  static byte[] personsNotUtf8() {
    byte[] good = (PERSONS_HEADER + "P1,Alice,Smith,,,,\r\n").getBytes();
    byte[] bad = "P2,Bo".getBytes();
    byte[] all = new byte[good.length + bad.length + 3];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    all[all.length - 3] = (byte) 0xC3;
    all[all.length - 2] = (byte) 0x28;
    all[all.length - 1] = '\n';
    return all;
  }
}
