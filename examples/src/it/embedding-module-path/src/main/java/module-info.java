/** A shop's application embedding OmniID on the module path. */
module com.example.shop {
  // Transitively dev.omniid.core, whose types (IdentityResolver, Touchpoint...) the app uses.
  requires dev.omniid.matching;

  exports com.example.shop;
}
