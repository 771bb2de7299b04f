package org.familyview.ingest;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Ingest's defaults that follow the {@code FV_*} environment, and the scheduler the drop folders
 * are polled on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@PropertySource("classpath:org/familyview/ingest/ingest-defaults.properties")
class IngestConfiguration {}
