/**
 * People as the pipeline made them, for stewards and leads: which person holds a source record, and
 * a person's link history (every link and unlink, merge and split, with its model version).
 */
@NullMarked
package org.familyview.pipeline.person;

import org.jspecify.annotations.NullMarked;
