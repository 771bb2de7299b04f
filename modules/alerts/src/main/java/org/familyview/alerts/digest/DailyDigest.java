package org.familyview.alerts.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.familyview.alerts.inbox.KnownUsers;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, one email to each recipient who has unread notifications the digest has not yet told
 * them of: how many, and the link to the inbox. Nothing else: no name, no reason, no record id,
 * since email leaves the system's access control. A recipient whose server refused the message is
 * tried again the next day; each email sent is audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DailyDigest {

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

  private final JdbcClient jdbc;
  private final KnownUsers users;
  private final ObjectProvider<JavaMailSender> mail;
  private final DigestProperties properties;
  private final AuditTrail audit;
  private final Clock clock = Clock.systemUTC();

  DailyDigest(
      JdbcClient jdbc,
      KnownUsers users,
      ObjectProvider<JavaMailSender> mail,
      DigestProperties properties,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.users = users;
    this.mail = mail;
    this.properties = properties;
    this.audit = audit;
  }

  /** What one digest came to. */
  public record Sent(int emails, int failed, int withoutAddress) {}

  @Scheduled(
      cron = "${familyview.notifications.digest.cron:0 0 7 * * *}",
      zone = "${familyview.notifications.digest.zone:Europe/London}")
  void scheduled() {
    Sent sent = send();
    log.info(
        "Daily digest: {} sent, {} failed, {} recipients without an address",
        sent.emails(),
        sent.failed(),
        sent.withoutAddress());
  }

  /** Sends the digest now (the schedule calls this; so may a test or an operator). */
  public Sent send() {
    JavaMailSender sender = mail.getIfAvailable();
    Map<String, Long> waiting = waiting();
    if (sender == null) {
      log.warn("Daily digest not sent: no SMTP server is configured (spring.mail.host)");
      return new Sent(0, waiting.size(), 0);
    }
    List<KnownUsers.Recipient> recipients = users.withEmail(List.copyOf(waiting.keySet()));
    int sent = 0;
    int failed = 0;
    for (KnownUsers.Recipient recipient : recipients) {
      if (sendTo(sender, recipient, waiting.get(recipient.username()))) {
        sent++;
      } else {
        failed++;
      }
    }
    return new Sent(sent, failed, waiting.size() - recipients.size());
  }

  private Map<String, Long> waiting() {
    return jdbc
        .sql(
            """
            select recipient, count(*) as n from notification
            where read_at is null and emailed_at is null group by recipient
            """)
        .query((rs, n) -> Map.entry(rs.getString("recipient"), rs.getLong("n")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private boolean sendTo(JavaMailSender sender, KnownUsers.Recipient recipient, long count) {
    Timestamp now = Timestamp.from(clock.instant());
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(recipient.email());
    message.setSubject("FamilyView: " + count + " new notification" + (count == 1 ? "" : "s"));
    message.setText(
        "You have "
            + count
            + " new notification"
            + (count == 1 ? "" : "s")
            + " in FamilyView.\n\nOpen your inbox: "
            + properties.inboxUrl()
            + "\n\nThis email carries no case details: sign in to see them.\n");
    try {
      sender.send(message);
    } catch (MailException e) {
      log.warn("Daily digest to one recipient failed: {}", e.getClass().getSimpleName());
      return false;
    }
    jdbc.sql(
            """
            update notification set emailed_at = ?
            where recipient = ? and read_at is null and emailed_at is null and created_at <= ?
            """)
        .params(now, recipient.username(), now)
        .update();
    audit.record(
        AuditEvent.of("familyview", Set.of(), AuditAction.NOTIFICATION)
            .on("user", recipient.username())
            .withDetail("daily digest emailed: " + count + " unread"));
    return true;
  }
}
