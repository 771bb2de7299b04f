/**
 * Who is calling: the signed-in user as the rest of FamilyView sees it, whichever way they
 * authenticated (a browser session or a bearer token). Keycloak is the source of identity, roles,
 * agency and team; nothing here stores them.
 */
@NullMarked
package org.familyview.portal.identity;

import org.jspecify.annotations.NullMarked;
