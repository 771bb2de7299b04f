/**
 * Compares two standardised records field by field as ordered levels (missing, exact, close, ...,
 * else).
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.compare;
