package org.familyview.ingest.api;

import jakarta.servlet.MultipartConfigElement;
import org.familyview.ingest.IngestProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The upload size limit, {@code familyview.ingest.max-upload-size} per file, and the 413 that says
 * so. Parts above a megabyte go to disk while they arrive, so a large extract never sits in memory.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

  @Bean
  MultipartConfigElement multipartConfigElement(IngestProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    DataSize max = properties.maxUploadSize();
    factory.setMaxFileSize(max);
    // Both files of an extract, plus the multipart framing.
    factory.setMaxRequestSize(
        DataSize.ofBytes(max.toBytes() * 2 + DataSize.ofMegabytes(1).toBytes()));
    factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
    return factory.createMultipartConfig();
  }

  /**
   * Multipart parsing happens before any controller is chosen, so this advice is global; only
   * extract uploads accept files.
   */
  @RestControllerAdvice
  static class TooLarge {

    private final IngestProperties properties;

    TooLarge(IngestProperties properties) {
      this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooLarge() {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONTENT_TOO_LARGE,
              "Each file of an extract may be at most "
                  + properties.maxUploadSize().toMegabytes()
                  + " MB. Split the delivery or ask an administrator to raise the limit.");
      problem.setTitle("Upload too large");
      return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(problem);
    }
  }
}
