package dev.omniid.matching;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded generators of realistic and of hostile values for the property and contract tests. */
final class Generators {
  private Generators() {}

  static final List<String> GIVEN =
      List.of(
          "José", "María", "José María", "Juan Carlos", "Ana", "Núñez", "Iñaki", "Björn", "Zoë",
          "Robert", "Bob", "William", "Elizabeth", "Francisco", "Paco", "Dolores", "Lola",
          "Ignacio", "Nacho", "Concepción", "Guadalupe", "Jürgen", "Søren", "Ærin", "Łukasz",
          "Chema", "Maite", "Manuel", "Joel", "Michael", "María del Carmen", "Mª José", "O'Neil",
          "Jean-Luc", "Ángeles", "Begoña", "Çelik", "Dmitri", "Ramón", "Jesús");
  static final List<String> FAMILY =
      List.of(
          "García", "López", "García-López", "Müller", "Mueller", "Núñez", "de la Fuente",
          "del Río", "y Gasset", "Smith", "Smyth", "O'Brien", "Gonzalez", "Gonsales", "Vázquez",
          "Jiménez", "Ximénez", "Argüelles", "Strauß", "Møller", "Van der Berg", "Peña",
          "D'Angelo", "Fernández de Córdoba", "Martínez", "Pérez Galdós");
  static final List<String> HONORIFICS = List.of("", "", "", "Sr. ", "Sra. ", "Dr. ", "Mr ", "Doña ");
  static final List<String> STREETS =
      List.of(
          "Calle Mayor", "C/ Alcalá", "Avda. de la Constitución", "Av. Insurgentes Sur", "Pza. España",
          "Pº de Gracia", "Ctra. de Valencia", "Main St.", "Park Avenue", "Sunset Blvd",
          "Elm Drive", "Baker Street", "Camino Real", "Rúa do Franco", "Calle Dr. Fleming",
          "St Kilda Rd", "Gran Vía", "Calle Núñez de Balboa", "Oak Lane", "Ronda de Segovia");
  static final List<String> UNITS =
      List.of("", "", " 3º B", ", piso 2, puerta 4", " Apt 4", ", unit 5", " 1ª izq", " dpto 7",
          " #12", " bajo");

  static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** A realistic full name with honorific, case, spacing and punctuation noise. */
  static String rawName(Random random) {
    String name = pick(random, HONORIFICS) + pick(random, GIVEN) + " " + pick(random, FAMILY);
    if (random.nextBoolean()) {
      name += " " + pick(random, FAMILY);
    }
    return noise(random, name);
  }

  /** A realistic street address with unit markers and noise. */
  static String rawAddress(Random random) {
    String number = random.nextInt(5) == 0 ? "nº " : random.nextInt(4) == 0 ? "# " : "";
    String address = pick(random, STREETS) + ", " + number + (1 + random.nextInt(300))
        + pick(random, UNITS);
    return noise(random, address);
  }

  /** Random case, doubled spaces, stray punctuation and decomposed accents. */
  static String noise(Random random, String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int dice = random.nextInt(20);
      if (dice == 0) {
        out.append(Character.toUpperCase(c));
      } else if (dice == 1 && c == ' ') {
        out.append("  ");
      } else if (dice == 2 && c == ' ') {
        out.append(" , ");
      } else {
        out.append(c);
      }
    }
    String result = random.nextInt(4) == 0 ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    return random.nextInt(4) == 0
        ? java.text.Normalizer.normalize(result, java.text.Normalizer.Form.NFD)
        : result;
  }

  /** Arbitrary Unicode, control characters, surrogates (paired or not), of random length. */
  static String hostile(Random random) {
    int kind = random.nextInt(6);
    int length = kind == 0 ? 0 : kind == 1 ? 100_000 + random.nextInt(1000) : random.nextInt(40);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append((char) random.nextInt(0x10000));
        case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 3 -> s.append("ºª°#/-.,'’ßøæ".charAt(random.nextInt(13)));
        case 4 -> s.append((char) ('0' + random.nextInt(10)));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }
}
