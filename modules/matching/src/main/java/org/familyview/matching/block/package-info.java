/** Chooses which pairs of records are worth comparing: the union of several blocking rules. */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.block;
