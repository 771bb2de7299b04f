/**
 * Local authorities: which postcodes each covers ({@code config/authorities/*.yaml}), which
 * authority a member of staff belongs to (the Keycloak attribute {@code authority}), where a family
 * lives now (its latest household's postcode) and which families moved across a border recently
 * enough for their old authority to keep reading them. {@code CaseAccess} asks these questions
 * before caseloads and break-glass: a family of another authority is never opened.
 */
@NullMarked
package org.familyview.access.authority;

import org.jspecify.annotations.NullMarked;
