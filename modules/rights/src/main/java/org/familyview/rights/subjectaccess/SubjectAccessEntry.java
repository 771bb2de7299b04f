package org.familyview.rights.subjectaccess;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a subject access export.
 *
 * @param section {@code record}, {@code event}, {@code household}, {@code household-member}, {@code
 *     family}, {@code family-member} or {@code link}
 * @param agency the originating agency ({@code FAMILYVIEW} for what FamilyView derived itself)
 * @param reference the agency's record or event id, or FamilyView's household, family or person id
 * @param thirdParty whether the entry is (also) about someone else: an event in which the person is
 *     not the subject, another member of their household or family
 * @param fields the entry's values by name, in a stable order; absent values are left out
 */
public record SubjectAccessEntry(
    String section,
    String agency,
    String reference,
    @Nullable String date,
    boolean thirdParty,
    Map<String, String> fields) {}
