/**
 * OmniID explorer: writes one self-contained HTML page to look at profiles rather than read
 * about them: an overview of the partition, each profile's touchpoints as a graph of evidence,
 * its journey across channels, and the waterfall of why two touchpoints are, or are not, one
 * customer. The page opens offline in any browser; the graph library and the data are inlined.
 *
 * <p>Start with {@link dev.omniid.explorer.ProfileExplorer#newBuilder()}.
 */
module dev.omniid.explorer {
  requires transitive dev.omniid.core;

  exports dev.omniid.explorer;
}
