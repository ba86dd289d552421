package dev.omniid.spark;

import dev.omniid.connect.Mapping;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.core.Touchpoint;
import java.io.Serializable;
import java.util.Map;

/**
 * How one input record becomes a {@link Touchpoint}: a function of the record's columns, given as
 * column name to value (every column cast to text; a null or absent value is no value). It runs
 * on the executors, so it is serializable, and it must be deterministic: the pipeline maps a
 * record again in later stages instead of shipping touchpoints around.
 *
 * <p>The CLI's JSON mapping file plugs in here: {@link #of(Mapping, boolean)} maps records as the
 * {@code omniid} tool does. {@link #byColumnName()} reads columns named like the mapping file's
 * fields, without a mapping.
 *
 * <p>A mapping that throws refuses the record: it is counted as rejected and left out of the
 * result, like a touchpoint that {@code resolveAll} rejects.
 */
@FunctionalInterface
public interface RecordMapping extends Serializable {
  /**
   * Maps one record.
   *
   * @param record the record's columns, name to value; values may be null
   * @return the touchpoint; its id is the record's {@code record_id} in the result
   */
  Touchpoint map(Map<String, String> record);

  /**
   * Columns named like the mapping file's fields: {@code id} (required), {@code channel},
   * {@code timestamp} (an ISO-8601 instant; another form leaves the time out), identifier columns
   * {@code email}, {@code phone}, {@code social_handle}, {@code device_id}, {@code cookie_id},
   * {@code customer_id}, {@code loyalty_id}, {@code national_id}, {@code passport},
   * {@code email_sha256}, {@code phone_sha256} and {@code id:NAME} for any other exact id, each
   * optionally followed by {@code #2}, {@code #3}... for further values of one type; attribute
   * columns {@code given_name}, {@code family_name}, {@code full_name}, {@code birth_date},
   * {@code address}, {@code address_line}, {@code city}, {@code region}, {@code postal_code},
   * {@code country}. Other columns are ignored; blank values are absent.
   *
   * @return the mapping
   */
  static RecordMapping byColumnName() {
    return ColumnNameMapping.INSTANCE;
  }

  /**
   * Records mapped by a connect {@link Mapping} (a mapping file or a preset), as the
   * {@code omniid} tool maps them. The mapping travels as its JSON text and each executor builds
   * its {@link TouchpointMapper} once. A record whose id column is blank is rejected (the tool
   * names it after its row, which a Spark row does not have); a value the mapper cannot read is
   * left out of the touchpoint, as in the tool.
   *
   * @param mapping the mapping
   * @param monthFirstDates whether numeric dates read month first: the CLI reads them so when
   *     the default region is {@code US}; use the value given to
   *     {@link ResolveSettings.Builder#mapping}
   * @return the record mapping
   */
  static RecordMapping of(Mapping mapping, boolean monthFirstDates) {
    return new ConnectMapping(mapping, monthFirstDates ? TouchpointMapper.DateOrder.MONTH_FIRST
        : TouchpointMapper.DateOrder.DAY_FIRST);
  }
}
