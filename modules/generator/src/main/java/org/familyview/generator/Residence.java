package org.familyview.generator;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a household lived from one date to another (null: still there), and the authority whose
 * area that was (config/authorities).
 */
record Residence(
    String addressLine,
    String postcode,
    LocalDate from,
    @Nullable LocalDate to,
    String authority) {}
