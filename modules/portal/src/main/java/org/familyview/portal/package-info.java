/**
 * The portal: what people see and call — the JSON API under {@code /api} for bearer tokens and the
 * browser pages behind the Keycloak login — and the security that guards both.
 */
@NullMarked
package org.familyview.portal;

import org.jspecify.annotations.NullMarked;
