/**
 * The one piece of shared code over Spring Batch's job repository (tables created by this module's
 * V1): the recovery of an interrupted job execution, used by ingest's load and the nightly
 * pipeline.
 */
@NullMarked
package org.familyview.store.batch;

import org.jspecify.annotations.NullMarked;
