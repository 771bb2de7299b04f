/**
 * Identifiers owns the rules for the identifiers and placeholder values that partner agencies put
 * on a person: NHS number, Unique Pupil Number, Police National Computer id, UK postcode, and the
 * placeholder names and dates that mean "not known"; and the standard form of an address line,
 * which the matcher compares and family grouping keys households by. Plain Java, no dependencies,
 * so the extract reader, the generator and the matcher share one definition of "valid".
 */
@org.jspecify.annotations.NullMarked
package org.familyview.identifiers;
