package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a file or a row, as partners see it: {@code {"file","line","field",
 * "reason"}} in the API.
 *
 * <p>The reason never contains the offending value or any other personal data: the physical line
 * and the field are enough for the partner to find it in their own file, and feedback pages and
 * downloadable reject lists can then be shown to anyone entitled to see data quality.
 *
 * @param file the contract file name, {@code persons.csv} or {@code events.csv}
 * @param line the physical line where the row starts (the header is line 1); 0 for the whole file
 * @param field the column, or null when the problem is not about one column
 * @param code the kind of problem, for counting
 * @param reason a sentence for people
 */
public record Problem(
    String file, long line, @Nullable String field, ProblemCode code, String reason) {}
