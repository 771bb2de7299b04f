/** {@code GET /api/me}: who the caller is, as FamilyView understands them. */
@NullMarked
package org.familyview.portal.me;

import org.jspecify.annotations.NullMarked;
