package org.familyview.access.authority;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One of a family's households as the families stage left it: where, and from when to when. */
public record Residence(
    @Nullable String postcode, @Nullable LocalDate from, @Nullable LocalDate to) {}
