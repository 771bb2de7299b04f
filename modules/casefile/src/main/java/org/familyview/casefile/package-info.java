/**
 * What a keyworker reads: the person and family views, the consolidated chronology with its
 * provenance, household membership on each date and each feed's currency, read from PostgreSQL (the
 * truth) so that they work when search does not. Access and audit are applied at the web edge
 * ({@code casefile.web}) by the portal's {@code CaseAccess} and {@code EventDisclosure}.
 */
@NullMarked
package org.familyview.casefile;

import org.jspecify.annotations.NullMarked;
