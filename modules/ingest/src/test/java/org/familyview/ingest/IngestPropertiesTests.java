package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class IngestPropertiesTests {

  @Test
  void defaultsAreTheDocumentedOnes() {
    IngestProperties properties = bind(Map.of());

    assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(512));
    assertThat(properties.chunkSize()).isEqualTo(5000);
    assertThat(properties.inbox().pollInterval()).hasMinutes(1);
    assertThat(properties.inboxDir().endsWith(java.nio.file.Path.of("var", "inbox"))).isTrue();
  }

  @Test
  void theMistakesOfOneLevelAreReportedTogether() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "familyview.ingest.chunk-size", "0",
                        "familyview.ingest.max-upload-size", "0MB")))
        .isInstanceOf(BindException.class)
        .cause()
        .isInstanceOfSatisfying(
            BindValidationException.class,
            e -> assertThat(e.getValidationErrors().getAllErrors()).hasSize(2));
  }

  @Test
  void aPollIntervalOfZeroIsRefused() {
    assertThatThrownBy(() -> bind(Map.of("familyview.ingest.inbox.poll-interval", "0s")))
        .isInstanceOf(BindException.class)
        .hasRootCauseInstanceOf(BindValidationException.class);
  }

  private static IngestProperties bind(Map<String, String> values) {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate(
            "familyview.ingest",
            Bindable.of(IngestProperties.class),
            new ValidationBindHandler(validator));
  }
}
