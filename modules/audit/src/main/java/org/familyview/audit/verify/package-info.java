/**
 * Walking the chain to prove no entry was edited, removed or inserted; plain JDBC so the command
 * runs without the application.
 */
@NullMarked
package org.familyview.audit.verify;

import org.jspecify.annotations.NullMarked;
