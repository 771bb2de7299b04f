/**
 * The workbench's API (/api/review/**) and pages (/review/**), data stewards only: two doors onto
 * one gate ({@code ReviewGate}) that carries out and audits every read and act.
 */
@NullMarked
package org.familyview.review.web;

import org.jspecify.annotations.NullMarked;
