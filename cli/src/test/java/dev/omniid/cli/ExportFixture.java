package dev.omniid.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small mapped customer file for the profiles and audience tests: Ana on three channels (two
 * spellings of one Gmail address, a national and an international form of one phone), Luis with a
 * {@code +tag} address and a family name holding a comma and quotes, Marta with neither email nor
 * phone, Eva with a phone libphonenumber cannot validate.
 */
final class ExportFixture {
  static final String CSV = "id,channel,ts,email,phone,first,last,city\n"
      + "a,store,2026-01-01T10:00:00Z,Ana.Perez@Gmail.com,612 345 678,Ana,Pérez,Madrid\n"
      + "b,web,2026-01-02T10:00:00Z,ana.perez@gmail.com,,Ana,Pérez,Madrid\n"
      + "c,whatsapp,2026-01-03T10:00:00Z,,+34 612 345 678,,,\n"
      + "d,web,2026-01-04T10:00:00Z,Luis+Shoes@Example.com,,Luis,\"O'Brien, \"\"Lucho\"\"\",\n"
      + "e,store,2026-01-05T10:00:00Z,,,Marta,Ruiz,Sevilla\n"
      + "f,sms,2026-01-06T10:00:00Z,,+34 555 1234,Eva,Sanz,\n";
  static final String MAPPING = "{\"id\": \"id\", \"channel\": \"channel\", \"timestamp\": \"ts\","
      + " \"defaultRegion\": \"ES\", \"fields\": {\"email\": \"email\", \"phone\": \"phone\","
      + " \"given_name\": \"first\", \"family_name\": \"last\", \"city\": \"city\"}}";

  final Path input;
  final Path mapping;

  ExportFixture(Path dir) throws IOException {
    input = dir.resolve("customers.csv");
    mapping = dir.resolve("mapping.json");
    Files.writeString(input, CSV);
    Files.writeString(mapping, MAPPING);
  }

  /** The arguments that resolve the file now. */
  String[] file() {
    return new String[] {"--input", input.toString(), "--mapping", mapping.toString()};
  }
}
