/**
 * What people type into the search box: names (misspelt), dates of birth in the formats people
 * write them, postcodes and identifiers, told apart without asking the user which is which.
 */
@NullMarked
package org.familyview.search.query;

import org.jspecify.annotations.NullMarked;
