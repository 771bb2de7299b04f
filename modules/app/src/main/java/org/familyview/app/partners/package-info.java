/** Checks that join the partners' configuration to the data-sharing agreements at start-up. */
@NullMarked
package org.familyview.app.partners;

import org.jspecify.annotations.NullMarked;
