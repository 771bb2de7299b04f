package org.familyview.generator;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Where a household lived from one date to another (null: still there). */
record Residence(String addressLine, String postcode, LocalDate from, @Nullable LocalDate to) {}
