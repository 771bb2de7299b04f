package org.familyview.frontdoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.familyview.casefile.CasePartners;
import org.familyview.extracts.Partners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class EventWordsTests {

  private final EventWords words =
      new EventWords(
          new CasePartners(new StaticListableBeanFactory().getBeanProvider(Partners.class)));

  @Test
  void anEventTypeIsTheVocabularysLabel() {
    assertThat(words.type("police.domestic_abuse_incident")).isEqualTo("Domestic abuse incident");
  }

  @Test
  void aTypeNoVocabularyKnowsIsStillSaidInWords() {
    assertThat(words.type("police.unheard_of_thing")).isEqualTo("Unheard of thing");
  }

  @Test
  void datesAreUkDatesWhetherStoredAsDatesOrIsoText() {
    assertThat(words.date("2025-03-03")).isEqualTo("3 Mar 2025");
    assertThat(words.date(LocalDate.of(2024, 9, 1))).isEqualTo("1 Sep 2024");
    assertThat(words.date(null)).isEqualTo("—");
    assertThat(words.date("sometime")).isEqualTo("sometime");
  }
}
