/**
 * Runs of the nightly pipeline: the queue (one run at a time, in the order asked for), the Spring
 * Batch job with one restartable step per stage, the schedule, the runs API and page.
 */
@NullMarked
package org.familyview.pipeline.run;

import org.jspecify.annotations.NullMarked;
