package dev.omniid.matching;

import dev.omniid.core.OmniIdException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company name read by {@link CompanyNameNormalizer}: the name's own tokens (the core) and, apart
 * from them, the legal form it ended with. "Distribuciones Hnos. García, S.L." reads as the core
 * {@code [distribuciones, hermanos, garcia]} and the form {@link LegalForm#SL}.
 *
 * @param core the name's folded tokens without the legal form, connectives and articles, with
 *     abbreviations spelled out, in the order written; not empty
 * @param legalForm the legal form the name ended with, empty when it had none
 */
public record CompanyName(List<String> core, Optional<LegalForm> legalForm) {

  /**
   * Checks and copies the parts.
   *
   * @param core the core tokens, not empty, none blank or holding a space
   * @param legalForm the legal form, empty for none; not null
   * @throws NullPointerException if an argument or a token is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} if the core is empty
   *     or a token is blank or holds a space
   */
  public CompanyName {
    core = List.copyOf(core);
    Objects.requireNonNull(legalForm, "legalForm");
    if (core.isEmpty()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "core", "is empty");
    }
    for (String token : core) {
      if (token.isBlank() || token.indexOf(' ') >= 0) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "core",
            "has a blank token or a token with a space");
      }
    }
  }

  /**
   * The name as {@link CompanyNameNormalizer#normalize} gives it: the core tokens sorted (word
   * order is how a source writes a name, not which company it is: "Hnos. García" is "García
   * Hnos."), then the legal form's {@link LegalForm#code() code}, joined by single spaces.
   *
   * @return for example {@code "distribuciones garcia hermanos sl"}
   */
  public String normalized() {
    List<String> sorted = new ArrayList<>(core);
    Collections.sort(sorted);
    legalForm.ifPresent(form -> sorted.add(form.code()));
    return String.join(" ", sorted);
  }
}
