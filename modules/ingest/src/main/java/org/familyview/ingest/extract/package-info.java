/**
 * The extract as FamilyView records it: one delivery of an agency's snapshot, its status and
 * counts, the files kept for it under the var directory, its rejects and warnings, and who may see
 * or send it.
 */
@NullMarked
package org.familyview.ingest.extract;

import org.jspecify.annotations.NullMarked;
