/** The first page after sign-in: who you are and what your role lets you do. */
@NullMarked
package org.familyview.portal.home;

import org.jspecify.annotations.NullMarked;
