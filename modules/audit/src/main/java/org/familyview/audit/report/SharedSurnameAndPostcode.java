package org.familyview.audit.report;

import java.time.Instant;

/**
 * A member of staff read a source record, a person or a family, and one of the source records
 * behind it has the family name and postcode of the staff member in the staff register. {@code
 * agency} and {@code recordId} name that record. Names and postcodes are not repeated here: the
 * auditor follows the entry.
 */
public record SharedSurnameAndPostcode(
    long seq,
    Instant at,
    String user,
    String action,
    String targetType,
    String targetId,
    String agency,
    String recordId) {

  /**
   * How a read of one agency's record is written to the trail: target type {@code source-record},
   * target id {@code agency/record_id}. Reads of a person or a family use target types {@code
   * person} and {@code family} with their ids.
   */
  public static final String SOURCE_RECORD = "source-record";

  public static String sourceRecordId(String agency, String recordId) {
    return agency + "/" + recordId;
  }
}
