/**
 * Groups people into households and families from co-residence, the agencies' household ids and the
 * parent and child roles of events. No framework.
 */
@NullMarked
package org.familyview.families;

import org.jspecify.annotations.NullMarked;
