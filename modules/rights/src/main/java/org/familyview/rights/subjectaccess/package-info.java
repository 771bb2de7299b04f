/**
 * Subject access: everything FamilyView holds about one person across every linked source, each
 * entry with its originating agency, and entries about other people marked as third-party data for
 * the reviewer to redact before disclosure.
 */
@NullMarked
package org.familyview.rights.subjectaccess;

import org.jspecify.annotations.NullMarked;
