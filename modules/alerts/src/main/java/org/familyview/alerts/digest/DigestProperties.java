package org.familyview.alerts.digest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily digest ({@code familyview.notifications.digest}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*} (host, port, credentials).
 *
 * @param cron when it is sent (Spring cron, six fields), in {@code zone}
 * @param zone the time zone of {@code cron}
 * @param from the sender address
 * @param inboxUrl the inbox page's full address, the one link an email carries
 */
@Validated
@ConfigurationProperties("familyview.notifications.digest")
public record DigestProperties(
    @DefaultValue("0 0 7 * * *") @NotBlank String cron,
    @DefaultValue("Europe/London") @NotBlank String zone,
    @DefaultValue("familyview@localhost") @NotBlank String from,
    @DefaultValue("http://localhost:8080/notifications") @NotNull URI inboxUrl) {}
