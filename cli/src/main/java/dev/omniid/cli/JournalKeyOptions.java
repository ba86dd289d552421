package dev.omniid.cli;

import dev.omniid.core.JournalKey;
import dev.omniid.core.OmniIdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where the commands that open a journal ({@code ingest}, {@code export}, {@code forget}, and
 * {@code stats} and {@code profile} with {@code --journal}) find the key of an encrypted journal:
 * a key file, or the {@value #VARIABLE} environment variable. Never a command-line value, which
 * other local users can read in the process list and which shells keep in their history.
 */
class JournalKeyOptions {
  static final String VARIABLE = "OMNIID_JOURNAL_KEY";
  /** Where the variable is read: the process environment, replaced by tests. */
  static UnaryOperator<String> environment = System::getenv;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = {"Encrypts the journal at rest (AES-256-GCM) with the key in FILE: the Base64 "
          + "text of 32 random bytes (e.g. openssl rand -base64 32). Without it the key is read "
          + "from the " + VARIABLE + " environment variable when that is set; without either the "
          + "journal is clear. A journal must always be opened with the key that wrote it."})
  Path keyFile;

  /** The key given, if any; a usage problem that never shows the key if it cannot be read. */
  Optional<JournalKey> key() {
    String text;
    String source;
    if (keyFile != null) {
      source = "--key-file " + keyFile;
      try {
        text = Files.readString(keyFile, StandardCharsets.US_ASCII);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new CliException(source + ": file not found");
      } catch (IOException e) {
        throw new CliException(source + ": cannot read (" + e.getClass().getSimpleName() + ")");
      }
    } else {
      text = environment.apply(VARIABLE);
      source = VARIABLE;
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(JournalKey.fromBase64(text));
    } catch (OmniIdException e) {
      throw new CliException(source + ": the key " + e.detail()
          + " (the Base64 text of 32 bytes, e.g. openssl rand -base64 32)");
    }
  }
}
