/** Web plumbing shared by every page: static assets and the GOV.UK Frontend design system. */
@NullMarked
package org.familyview.portal.web;

import org.jspecify.annotations.NullMarked;
