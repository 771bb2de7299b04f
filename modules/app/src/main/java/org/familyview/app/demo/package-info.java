/**
 * The demo world: synthetic extracts made by the project's generator, delivered through the same
 * intake as a partner's files when a demo deployment starts with an empty database.
 */
@NullMarked
package org.familyview.app.demo;

import org.jspecify.annotations.NullMarked;
