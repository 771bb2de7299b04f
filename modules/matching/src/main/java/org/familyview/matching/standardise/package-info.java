/**
 * Turns a raw source record into comparable values: case, diacritics, titles, nicknames,
 * placeholders and invalid identifiers.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.standardise;
