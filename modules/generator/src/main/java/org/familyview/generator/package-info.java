/**
 * Generator owns the synthetic world every test, benchmark and demo uses: households of people with
 * realistic names, moves, twins and identifiers, the four agencies' partial and imperfect views of
 * them written as extracts in the contract, and the truth (which records are whom, who lived
 * together when) to score the matcher against. Synthetic only: no real person's data.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.generator;
