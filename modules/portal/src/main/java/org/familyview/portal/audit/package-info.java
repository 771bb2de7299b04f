/**
 * The audit trail at the web edge: turning a request and its user into an audit entry, and the
 * auditor's {@code GET /api/audit}. Auditors read the trail, never case data.
 */
@NullMarked
package org.familyview.portal.audit;

import org.jspecify.annotations.NullMarked;
