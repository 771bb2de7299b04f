package org.familyview.audit.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.familyview.audit.trail.ChainKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorTests {

  static final ChainKey KEY = ChainKey.of("0123456789abcdefghijklmnopqrstuvwxyz");
  static final Anchor ANCHOR =
      new Anchor(
          Instant.parse("2026-12-07T12:00:00Z"), "public", 42, 40, "ab".repeat(32), "shutdown");

  @TempDir Path dir;

  @Test
  void aLineReadsBackAsTheAnchorItWasWrittenFrom() {
    assertThat(Anchor.parse(ANCHOR.toLine(KEY), KEY)).isEqualTo(ANCHOR);
  }

  @Test
  void anEditedLineIsNotGenuine() {
    String edited = ANCHOR.toLine(KEY).replace("entries=40", "entries=39");

    assertThatThrownBy(() -> Anchor.parse(edited, KEY)).hasMessageContaining("MAC does not match");
  }

  @Test
  void aLineWrittenWithAnotherKeyIsNotGenuine() {
    ChainKey other = ChainKey.of("zyxwvutsrqponmlkjihgfedcba9876543210");

    assertThatThrownBy(() -> Anchor.parse(ANCHOR.toLine(other), KEY))
        .hasMessageContaining("MAC does not match");
  }

  @Test
  void theLogAppendsAndReadsOnlyTheAskedSchema() throws Exception {
    AnchorLog log = new AnchorLog(dir.resolve("audit/anchors.log"), KEY);
    Anchor other = new Anchor(ANCHOR.at(), "families_it", 7, 7, "cd".repeat(32), "start");

    log.append(ANCHOR);
    log.append(other);

    assertThat(log.read("public")).containsExactly(ANCHOR);
    assertThat(log.read("families_it")).containsExactly(other);
    assertThat(Files.readAllLines(log.file())).hasSize(2);
  }

  @Test
  void aFieldThatIsNotOnePlainTokenIsRefused() {
    assertThatThrownBy(() -> new Anchor(ANCHOR.at(), "public", 1, 1, "ab", "two words"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
