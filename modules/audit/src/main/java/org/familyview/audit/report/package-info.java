/**
 * Unusual-access reports for auditors: access outside a caseload (break-glass and refusals), many
 * views in a short time, and staff viewing people who share their surname and postcode; and the
 * auditor's review of break-glass grants. Plain SQL over the audit trail and the grants.
 */
@NullMarked
package org.familyview.audit.report;

import org.jspecify.annotations.NullMarked;
