/**
 * The casefile's two doors: {@code /api/**} (bearer tokens) and the pages (session, CSRF). Both go
 * through {@link org.familyview.casefile.web.CaseGate}, which checks the reader's role and {@code
 * CaseAccess}, resolves retired person ids, and audits every read, allowed or refused.
 */
@NullMarked
package org.familyview.casefile.web;

import org.jspecify.annotations.NullMarked;
