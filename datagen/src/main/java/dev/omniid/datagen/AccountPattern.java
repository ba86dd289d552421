package dev.omniid.datagen;

import java.util.Locale;

/**
 * A pattern of real distributor data that {@link DistributorGenerator} gives to a seeded share of
 * accounts, contacts or touchpoints, labelled on the touchpoints it shapes
 * ({@link AccountTouchpoint#patterns()}) so that an evaluation can tell which pattern a mistake
 * comes from. The ground truth ({@link AccountTouchpoint#accountId()},
 * {@link AccountTouchpoint#personId()}) is the same whatever the pattern.
 *
 * <p>Each constant states what it does and its default rate, set with
 * {@link DistributorGenerator.Builder#rate(AccountPattern, double)}.
 */
public enum AccountPattern {
  /**
   * A family business: the company's name holds a family name ({@code Ferretería Hermanos
   * García}, {@code Martínez y Compañía}) and two of its contacts carry it, with different given
   * names. Rate: the share of companies named so (default 0.25).
   */
  FAMILY_BUSINESS(0.25),
  /**
   * The account's generic mailbox ({@code pedidos@}, {@code info@}, {@code compras@}...) typed by
   * its contacts on 35 % of their email records, next to their own. Rate: the share of accounts
   * with such a mailbox in use (default 0.5).
   */
  SHARED_MAILBOX(0.5),
  /**
   * A sole trader: the account's name is its owner's person name ({@code ROMERO DIAZ JOSE LUIS},
   * {@code Fernández, Carlos Alberto}) and its tax id the owner's (a DNI, an RFC of a persona
   * física, a CUIT 20-, a personal NIT or RUT); the owner is its only contact. Not in the US.
   * Default 0.12.
   */
  SOLE_TRADER(0.12),
  /**
   * Two companies with near-identical names in one city and different tax ids: the same words
   * and another legal form, {@code Hermanos} added, or a family name one letter apart
   * ({@code Hernández} / {@code Fernández}). Two accounts; labelled on both. Rate: the chance
   * that an account is followed by such a namesake (default 0.05).
   */
  NEAR_IDENTICAL_NAME(0.05),
  /**
   * Branches of one group with their own tax ids: {@code Grupo Comercial Levante} and
   * {@code Comercial Levante Murcia}, one mail domain, per-branch mailboxes. Two accounts;
   * labelled on both. Rate: the chance that an account is followed by a branch (default 0.05).
   */
  GROUP_BRANCH(0.05),
  /**
   * One contact buying for two shops: the first contact of an account also orders for the next
   * account, with the same email and mobile; one person related to two accounts. Rate: the
   * chance that an account shares a contact with the next (default 0.04).
   */
  CONTACT_OF_TWO_ACCOUNTS(0.04),
  /**
   * A sales rep entered the order ({@code sales_rep} channel, the rep's id in the payload under
   * {@link DistributorGenerator#REP_ID}): company name and postal code always, the tax id on
   * 30 % of them, the contact named on 60 %. Rate: the share of an account's orders entered by
   * its rep (default 0.2).
   */
  REP_ORDER(0.2),
  /**
   * A rep order without tax id (labelled next to {@link #REP_ORDER}): name and postal code are
   * all that tells the account. Not drawn on its own: 70 % of rep orders; its rate is unused.
   */
  REP_WITHOUT_TAX_ID(0.7),
  /**
   * A rep order that names no contact (labelled next to {@link #REP_ORDER}); its person is none.
   * Not drawn on its own: 40 % of rep orders; its rate is unused.
   */
  REP_UNNAMED_CONTACT(0.4),
  /**
   * A rep who typed their own email into the order's email column, for several accounts (a
   * value shared across accounts and people that must link none of them). Rate: the share of rep
   * orders (default 0.05).
   */
  REP_OWN_EMAIL(0.05),
  /**
   * A printed catalogue's order form with the company only (name, tax id, landline, postal
   * code), no person. Rate: the chance per account of one such form (default 0.3).
   */
  COMPANY_ONLY(0.3),
  /**
   * A contact buying privately (web or app, private email and mobile, no company): the same
   * person, no account. Rate: the share of contacts with one or two such purchases (default
   * 0.05).
   */
  PRIVATE_PURCHASE(0.05),
  /**
   * A tax id written with a wrong check digit (one mistyped check character); the account is
   * still the account. Rate: the share of written tax ids (default 0.03).
   */
  WRONG_CHECK_DIGIT(0.03);

  private final double defaultRate;

  AccountPattern(double defaultRate) {
    this.defaultRate = defaultRate;
  }

  /**
   * The rate used unless the builder sets another.
   *
   * @return the rate in {@code [0, 1]}, a share of what the constant's description says
   */
  public double defaultRate() {
    return defaultRate;
  }

  /**
   * The lower-case name written in the {@code patterns} column, e.g. {@code sole_trader}.
   *
   * @return the constant's name in lower case ({@link Locale#ROOT})
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
