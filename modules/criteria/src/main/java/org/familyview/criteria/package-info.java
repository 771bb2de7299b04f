/**
 * The Supporting Families criteria engine: versioned rulesets read from configuration ({@link
 * org.familyview.criteria.Rulesets}), evaluated over a family's dated events ({@link
 * org.familyview.criteria.Evaluator}), each need's result explained in plain English with the
 * events that evidence it. No framework.
 */
@NullMarked
package org.familyview.criteria;

import org.jspecify.annotations.NullMarked;
