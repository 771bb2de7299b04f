/**
 * The web kernel: what every door of FamilyView shares — authentication and browser hardening
 * ({@code security}), who is calling ({@code identity}), the audit of each request ({@code audit}),
 * the design system and page layout ({@code web}, templates), the home and "me" pages, and the
 * audit pages. It holds no access rule: who may read which case, and what each role sees of it,
 * live in the {@code access} module, which uses this one.
 */
@NullMarked
package org.familyview.portal;

import org.jspecify.annotations.NullMarked;
