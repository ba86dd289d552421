/**
 * OmniID connect: customer files into touchpoints. A JSON {@link dev.omniid.connect.Mapping}
 * names the columns that hold the record id, channel, time, identifiers and person attributes; a
 * {@link dev.omniid.connect.RecordReader} reads CSV and JSON Lines files record by record; a
 * {@link dev.omniid.connect.TouchpointMapper} turns each record (column → value) into a
 * {@link dev.omniid.core.Touchpoint} and its {@link dev.omniid.connect.Warning warnings}. The
 * {@code omniid} command-line tool reads its input this way, and so can an application or a Spark
 * job.
 *
 * <p>JSON is read with Jackson's databind tree model, using nothing newer than Jackson 2.15: an
 * application whose platform pins Jackson (Spark 4 ships 2.21 with a Scala module that refuses a
 * newer databind) may pin any version from 2.15 on, through its own dependency management.
 */
module dev.omniid.connect {
  requires transitive dev.omniid.core;
  requires dev.omniid.matching;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;

  exports dev.omniid.connect;
}
