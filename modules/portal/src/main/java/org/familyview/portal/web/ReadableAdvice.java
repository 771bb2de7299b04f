package org.familyview.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page {@code ${uk}} for dates, times and codes in words (see {@link Readable}). */
@ControllerAdvice(annotations = Controller.class)
class ReadableAdvice {

  @ModelAttribute("uk")
  Readable uk() {
    return Readable.UK;
  }
}
