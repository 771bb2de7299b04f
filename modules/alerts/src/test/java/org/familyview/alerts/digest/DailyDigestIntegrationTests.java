package org.familyview.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.alerts.inbox.KnownUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily digest through a real SMTP server (GreenMail) running inside the test. */
@SpringBootTest
class DailyDigestIntegrationTests {

  /** The port of {@code spring.mail.port} in the tests' application.yaml. */
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(3170, null, "smtp"));

  @Autowired DailyDigest digest;
  @Autowired Inbox inbox;
  @Autowired KnownUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void eachRecipientGetsOneEmailWithALinkAndNoPersonalDataAndOnlyOnce() throws Exception {
    String user = "digest-" + UUID.randomUUID().toString().substring(0, 8);
    String address = user + "@familyview.example";
    users.seen(user, "north", address);
    inbox.post(
        user,
        "NEW_EVENT",
        "Police recorded a new event about Jolene Tagg",
        "/persons/P-secret-1",
        null);
    inbox.post(user, "NEW_EVENT", "Health recorded a new event", "/persons/P-secret-2", null);

    DailyDigest.Sent sent = digest.send();

    assertThat(sent.emails()).isGreaterThanOrEqualTo(1);
    MimeMessage[] mine =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> recipient(m).equals(address))
            .toArray(MimeMessage[]::new);
    assertThat(mine).hasSize(1);
    assertThat(mine[0].getSubject()).isEqualTo("FamilyView: 2 new notifications");
    String body = GreenMailUtil.getBody(mine[0]);
    assertThat(body).contains("http://localhost:8080/notifications");
    assertThat(body).doesNotContain("Jolene").doesNotContain("P-secret").doesNotContain("Police");

    // Told once: the next digest does not repeat them.
    digest.send();
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equals(address)))
        .hasSize(1);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
