package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * An event type of a partner kind's vocabulary, or one a partner adds to its kind's.
 *
 * @param code the stable code, {@code kind.name}, e.g. {@code police.domestic_abuse_incident}
 * @param kind the kind of partner whose vocabulary it belongs to
 * @param label the label people read
 * @param detail the qualifier it takes in the {@code detail} column
 * @param criterion the Supporting Families outcome it is evidence for, if any
 */
public record EventType(
    String code,
    PartnerKind kind,
    String label,
    Detail detail,
    @Nullable SupportingFamiliesCriterion criterion) {

  /** The code without its kind prefix, e.g. {@code domestic_abuse_incident}. */
  public String localCode() {
    return code.substring(code.indexOf('.') + 1);
  }
}
