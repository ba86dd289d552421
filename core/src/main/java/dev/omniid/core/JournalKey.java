package dev.omniid.core;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that seals a journal's files at rest
 * ({@link ResolverBuilder#journal(java.nio.file.Path, Durability, JournalKey)}): every record and
 * every snapshot record is encrypted and authenticated with AES-GCM under a fresh random 96-bit
 * nonce, so the files hold no value in clear and a record altered on disk is refused.
 *
 * <p>The application supplies and keeps the key (a secrets manager, a key file readable by the
 * service only); OmniID never writes it. A journal must be opened with the key that wrote it: any
 * other key is refused when the resolver is built. A lost key loses the journal. Whole records
 * removed from the end of a file by someone who may write it look like a torn tail, as in a clear
 * journal: GCM protects each record, not the number of records.
 *
 * <p>Immutable; {@link #of} copies the bytes, and neither {@link #toString()} nor any message shows
 * them.
 */
public final class JournalKey {
  /** The key's length in bytes (AES-256). */
  public static final int LENGTH = 32;
  static final int NONCE = 12;
  static final int TAG = 16;
  /** The bytes sealing adds to a record: its nonce and its tag. */
  static final int OVERHEAD = NONCE + TAG;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private JournalKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /**
   * A key from its 32 bytes, copied.
   *
   * @param key exactly {@link #LENGTH} (32) bytes, not null; the array is copied, so the caller
   *     may wipe it afterwards
   * @return the key
   * @throws NullPointerException if {@code key} is null
   * @throws OmniIdException {@code INVALID_VALUE} if {@code key} is not 32 bytes long
   */
  public static JournalKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != LENGTH) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalKey",
          "must be " + LENGTH + " bytes (AES-256), not " + key.length);
    }
    return new JournalKey(key.clone());
  }

  /**
   * A key from the Base64 text of its 32 bytes (standard alphabet; surrounding white space
   * ignored), as kept in an environment variable or a key file.
   *
   * @param base64 the Base64 text of 32 bytes, such as {@link #toBase64()} gives; not null
   * @return the key
   * @throws NullPointerException if {@code base64} is null
   * @throws OmniIdException {@code INVALID_VALUE} if the text is not Base64 of 32 bytes (the message
   *     does not show the text)
   */
  public static JournalKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalKey",
          "is not Base64 text");
    }
    try {
      return of(bytes);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * A new random key, for tests and for generating a key to keep.
   *
   * @return a key of 32 bytes from a {@link SecureRandom}; keep it ({@link #toBase64()}), or the
   *     journal it seals cannot be read again
   */
  public static JournalKey generate() {
    byte[] bytes = new byte[LENGTH];
    RANDOM.nextBytes(bytes);
    return new JournalKey(bytes);
  }

  /**
   * The key's Base64 text, to store it where the application keeps its secrets.
   *
   * @return 44 characters of standard Base64 that {@link #fromBase64(String)} reads back; this is
   *     the secret itself, never log it
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "JournalKey[AES-256-GCM]";
  }

  // ---------------------------------------------------------------- sealing

  /** Seals and opens records; one per writer or reader, not thread-safe. */
  final class Sealer {
    private final Cipher cipher;

    Sealer() {
      try {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK has no AES/GCM", e);
      }
    }

    /**
     * Seals {@code length} bytes of {@code plain} into {@code out} at {@code at}: a fresh random
     * nonce, then the ciphertext and its tag ({@link #OVERHEAD} bytes more than the plaintext).
     */
    void seal(byte[] plain, int offset, int length, byte[] out, int at) {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      try {
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
        System.arraycopy(nonce, 0, out, at, NONCE);
        cipher.doFinal(plain, offset, length, out, at + NONCE);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/GCM failed to seal a record", e);
      }
    }

    /**
     * Opens a sealed record into {@code out} (at least {@code length} bytes long) and returns the
     * plaintext's length, or -1 if it fails authentication (another key, or altered bytes).
     */
    int open(byte[] sealed, int length, byte[] out) {
      if (length < OVERHEAD) {
        return -1;
      }
      try {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
        return cipher.doFinal(sealed, NONCE, length - NONCE, out, 0);
      } catch (AEADBadTagException e) {
        return -1;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/GCM failed to open a record", e);
      }
    }
  }
}
