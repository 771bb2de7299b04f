/**
 * Trains the Fellegi-Sunter parameters: u from random pairs, m by expectation-maximisation, term
 * frequencies; owns the versioned parameter format.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.estimate;
