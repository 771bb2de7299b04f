/**
 * Finding people in Elasticsearch. The distribution FamilyView runs has no analysis plugins, so
 * accent folding and phonetic keys are computed here in Java and indexed as plain keywords.
 */
@NullMarked
package org.familyview.search;

import org.jspecify.annotations.NullMarked;
