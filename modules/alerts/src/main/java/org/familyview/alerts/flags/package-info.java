/**
 * Flags: the rules ({@link org.familyview.alerts.flags.FlagRules}, plain Java, mapped from {@code
 * familyview.flags}), the derivation ({@link org.familyview.alerts.flags.FlagDerivation}, plain
 * Java), the nightly step that writes {@code flag}, and the casefile's {@code CaseFlags} over it.
 */
@NullMarked
package org.familyview.alerts.flags;

import org.jspecify.annotations.NullMarked;
