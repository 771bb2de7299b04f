package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * An event type of an agency's vocabulary.
 *
 * @param code the stable code, {@code agency.name}, e.g. {@code police.domestic_abuse_incident}
 * @param agency the agency whose vocabulary it belongs to
 * @param label the label people read
 * @param detail the qualifier it takes in the {@code detail} column
 * @param criterion the Supporting Families outcome it is evidence for, if any
 */
public record EventType(
    String code,
    Agency agency,
    String label,
    Detail detail,
    @Nullable SupportingFamiliesCriterion criterion) {

  /** The code without its agency prefix, e.g. {@code domestic_abuse_incident}. */
  public String localCode() {
    return code.substring(code.indexOf('.') + 1);
  }
}
