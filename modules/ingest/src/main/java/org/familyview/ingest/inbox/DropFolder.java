package org.familyview.ingest.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.familyview.extracts.ExtractFile;
import org.familyview.extracts.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * One agency's drop folder. Only the contract's two file names are ever looked at, and only as
 * regular files directly inside the folder (no symbolic links), so nothing placed there, named
 * {@code ../} or otherwise, can make the poller read or move a file outside it.
 */
final class DropFolder {

  private final PartnerId agency;
  private final Path folder;

  DropFolder(Path root, PartnerId agency) {
    this.agency = agency;
    this.folder = root.resolve(agency.code()).toAbsolutePath().normalize();
    if (!folder.startsWith(root.toAbsolutePath().normalize())) {
      throw new IllegalStateException("drop folder outside the inbox root");
    }
  }

  PartnerId agency() {
    return agency;
  }

  Path folder() {
    return folder;
  }

  Path processed() {
    return folder.resolve("processed");
  }

  /** A file of the contract if it is here as a plain file. */
  Optional<Path> file(ExtractFile file) {
    Path path = folder.resolve(file.fileName()).normalize();
    if (!path.getParent().equals(folder) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(path);
  }

  /** What a file looked like when last seen: a delivery is taken once this stops changing. */
  record Snapshot(long size, Instant modified) {}

  static @Nullable Snapshot look(@Nullable Path path) {
    if (path == null) {
      return null;
    }
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new Snapshot(attributes.size(), attributes.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return null;
    }
  }

  /** Unchanged for at least {@code settle}, by modification time. */
  static boolean settled(Snapshot snapshot, Instant now, Duration settle) {
    return !snapshot.modified().plus(settle).isAfter(now);
  }

  /** Moves a processed file aside as {@code processed/{extractId}-{name}}. */
  Path moveAside(Path file, String extractId) throws IOException {
    Path target =
        Files.createDirectories(processed()).resolve(extractId + "-" + file.getFileName());
    return Files.move(file, target);
  }
}
