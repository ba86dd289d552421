package dev.omniid.datagen;

import java.util.Map;

/** Names, places and providers per country, and the nicknames people use. */
final class Vocabulary {
  private Vocabulary() {}

  static final String[] COUNTRIES = {"ES", "ES", "ES", "ES", "MX", "MX", "MX", "AR", "CO", "US", "US"};

  static final String[] SPANISH_GIVEN_F = {"María", "Carmen", "Ana", "Lucía", "Dolores", "Concepción",
      "Laura", "Marta", "Isabel", "Rosario", "Mercedes", "Guadalupe", "Teresa", "Pilar", "Elena",
      "Sofía", "Valentina", "Camila", "Paula", "Andrea", "María José", "Ana Belén", "Inés"};
  static final String[] SPANISH_GIVEN_M = {"José", "Francisco", "Antonio", "Manuel", "Javier", "Juan",
      "Ignacio", "Jesús", "Enrique", "Alejandro", "Daniel", "Pablo", "Carlos", "Miguel", "Fernando",
      "Guillermo", "Alberto", "José María", "Juan Carlos", "Luis", "Diego", "Santiago", "Mateo"};
  static final String[] SPANISH_FAMILY = {"García", "Rodríguez", "González", "Fernández", "López",
      "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz",
      "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
      "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Núñez", "Castillo",
      "Ortega", "Rubio", "Molina", "Delgado", "Ortiz", "Morales", "Suárez", "Castro", "Flores"};
  static final String[] ENGLISH_GIVEN_F = {"Elizabeth", "Jennifer", "Susan", "Margaret", "Patricia",
      "Katherine", "Emily", "Sarah", "Jessica", "Ashley", "Rebecca", "Victoria"};
  static final String[] ENGLISH_GIVEN_M = {"Robert", "William", "James", "Michael", "Richard",
      "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Joseph", "Andrew", "Edward"};
  static final String[] ENGLISH_FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
      "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris",
      "Martin", "Thompson", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright", "Scott"};

  static final Map<String, String> NICKNAMES = Map.ofEntries(
      Map.entry("José", "Pepe"), Map.entry("Francisco", "Paco"), Map.entry("Dolores", "Lola"),
      Map.entry("Ignacio", "Nacho"), Map.entry("José María", "Chema"),
      Map.entry("Concepción", "Concha"), Map.entry("Manuel", "Manolo"), Map.entry("Enrique", "Quique"),
      Map.entry("Antonio", "Toño"), Map.entry("Jesús", "Chucho"), Map.entry("Guillermo", "Memo"),
      Map.entry("Alberto", "Beto"), Map.entry("Guadalupe", "Lupe"), Map.entry("Rosario", "Charo"),
      Map.entry("Mercedes", "Merche"), Map.entry("Alejandro", "Álex"), Map.entry("Robert", "Bob"),
      Map.entry("William", "Bill"), Map.entry("Elizabeth", "Liz"), Map.entry("Katherine", "Kate"),
      Map.entry("Margaret", "Peggy"), Map.entry("Richard", "Dick"), Map.entry("James", "Jim"),
      Map.entry("Michael", "Mike"), Map.entry("Thomas", "Tom"), Map.entry("Christopher", "Chris"),
      Map.entry("Daniel", "Dani"), Map.entry("Patricia", "Patty"), Map.entry("Edward", "Ted"));

  static String[] cities(String country) {
    return switch (country) {
      case "ES" -> new String[] {"Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao"};
      case "MX" -> new String[] {"Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Querétaro"};
      case "AR" -> new String[] {"Buenos Aires", "Córdoba", "Rosario", "Mendoza"};
      case "CO" -> new String[] {"Bogotá", "Medellín", "Cali", "Barranquilla"};
      case "CL" -> new String[] {"Santiago", "Valparaíso", "Concepción", "Antofagasta"};
      default -> new String[] {"New York", "Miami", "San Francisco", "Austin", "Boston", "Houston", "Chicago"};
    };
  }

  static String[] streets(String country) {
    return country.equals("US")
        ? new String[] {"Main St", "Oak Avenue", "Maple St.", "Washington Blvd", "Park Ave", "Elm Street", "Sunset Dr"}
        : new String[] {"Calle Mayor", "Avenida de la Constitución", "Calle Real", "Paseo del Prado",
            "Calle de Alcalá", "Avenida Libertador", "Calle Reforma", "Carrera 7", "Calle San Martín"};
  }

  static String[] providers(String country) {
    return switch (country) {
      case "ES" -> new String[] {"gmail.com", "gmail.com", "hotmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"};
      case "MX" -> new String[] {"gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "prodigy.net.mx"};
      case "AR", "CO" -> new String[] {"gmail.com", "gmail.com", "hotmail.com", "yahoo.com", "outlook.com"};
      default -> new String[] {"gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net"};
    };
  }

  /** Frequent misspellings of provider domains. */
  static final Map<String, String> DOMAIN_TYPOS = Map.of("gmail.com", "gmial.com",
      "hotmail.com", "hotmial.com", "hotmail.es", "hotmal.es", "yahoo.com", "yaho.com",
      "outlook.com", "outlok.com", "yahoo.es", "yaho.es", "icloud.com", "iclod.com");

  static final String[] US_AREA_CODES = {"212", "305", "415", "512", "617", "713", "312", "206", "404", "602"};

  /** The local parts of shared office mailboxes. */
  static final String[] OFFICE_MAILBOXES = {"info", "ventas", "oficina", "contacto", "admin", "office", "sales"};
  static final String[] COMPANY_WORDS = {"grupo", "talleres", "distribuciones", "consultores", "acme", "logistica", "clinica"};
  static final String[] COMPANY_WORDS2 = {"norte", "sur", "levante", "central", "iberica", "andina", "pacifico"};
}
