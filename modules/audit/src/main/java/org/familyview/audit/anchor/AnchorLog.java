package org.familyview.audit.anchor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.familyview.audit.trail.ChainKey;

/**
 * The anchor file: lines are only ever appended (one write each, with O_APPEND, so writers in
 * several JVMs never interleave), never rewritten. Made readable by its owner only.
 */
public final class AnchorLog {

  private final Path file;
  private final ChainKey key;

  public AnchorLog(Path file, ChainKey key) {
    this.file = file;
    this.key = key;
  }

  public Path file() {
    return file;
  }

  public void append(Anchor anchor) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
      // Already there (the usual case), or a file system without POSIX permissions.
    }
    Files.writeString(
        file,
        anchor.toLine(key) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND,
        StandardOpenOption.CREATE);
  }

  /**
   * The anchors of one schema's chain, oldest first; none when the file does not exist yet.
   *
   * @throws AnchorLogException when a line is not a genuine anchor
   */
  public List<Anchor> read(String schema) throws IOException {
    List<Anchor> anchors = new ArrayList<>();
    if (!Files.exists(file)) {
      return anchors;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Anchor anchor;
      try {
        anchor = Anchor.parse(line, key);
      } catch (IllegalArgumentException e) {
        throw new AnchorLogException(
            "line " + (i + 1) + " of " + file + " is not a genuine anchor: " + e.getMessage());
      }
      if (anchor.schema().equals(schema)) {
        anchors.add(anchor);
      }
    }
    return anchors;
  }

  /** A line of the anchor file that was edited, forged or written with another key. */
  public static final class AnchorLogException extends IOException {
    AnchorLogException(String message) {
      super(message);
    }
  }
}
