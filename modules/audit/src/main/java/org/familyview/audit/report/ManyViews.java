package org.familyview.audit.report;

import java.time.Instant;

/**
 * A user's busiest window: the most case reads they made within the configured window, starting at
 * {@code windowStart}. One row per user, however many windows went over the threshold.
 *
 * @param views the reads in that window
 * @param windowsOverThreshold how many of the user's reads started a window that went over
 */
public record ManyViews(
    String user, Instant windowStart, Instant windowEnd, long views, long windowsOverThreshold) {}
