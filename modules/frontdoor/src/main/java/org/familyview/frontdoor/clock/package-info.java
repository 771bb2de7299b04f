/**
 * The front door's working-hours clock: deadlines counted in working hours, with weekends and bank
 * holidays (England and Wales by default) left out. Plain Java, no framework.
 */
@NullMarked
package org.familyview.frontdoor.clock;

import org.jspecify.annotations.NullMarked;
