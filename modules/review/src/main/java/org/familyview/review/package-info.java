/**
 * The data steward's workbench: the review queue, decisions that bind later runs, four-eyes
 * approval, link history and blast radius.
 */
@NullMarked
package org.familyview.review;

import org.jspecify.annotations.NullMarked;
