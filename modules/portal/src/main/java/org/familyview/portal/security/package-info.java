/**
 * Authentication and the first line of authorisation: bearer tokens for {@code /api}, the Keycloak
 * login for pages, Keycloak realm roles as Spring authorities, and the browser hardening (CSRF,
 * security headers, session timeout). Every endpoint except health requires authentication.
 */
@NullMarked
package org.familyview.portal.security;

import org.jspecify.annotations.NullMarked;
