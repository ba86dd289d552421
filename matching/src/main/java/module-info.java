/**
 * OmniID matching: real normalizers and fuzzy matchers for emails, phones (libphonenumber),
 * device ids, names, birth dates and addresses, and the {@code OmniId} default configuration.
 */
module dev.omniid.matching {
  requires transitive dev.omniid.core;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires org.apache.commons.text;
  requires com.github.benmanes.caffeine;

  exports dev.omniid.matching;
}
