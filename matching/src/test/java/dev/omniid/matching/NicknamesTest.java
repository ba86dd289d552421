package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NicknamesTest {
  private final Nicknames nicknames = Nicknames.standard();

  private static String fold(String raw) {
    return NameNormalizer.standard().normalize(raw);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "Bob, Robert",
    "Robbie, Bob",
    "Bill, William",
    "Liz, Elizabeth",
    "Beth, Elizabeth",
    "Pepe, José",
    "Paco, Francisco",
    "Pancho, Francisco",
    "Lola, Dolores",
    "Nacho, Ignacio",
    "Chema, José María",
    "Concha, Concepción",
    "Conchita, Concepción",
    "Lupe, Guadalupe",
    "Charo, Rosario",
    "Merche, Mercedes",
    "Maite, María Teresa",
    "Manolo, Manuel",
    "Quique, Enrique",
    "Toño, Antonio",
    "Chucho, Jesús",
    "Memo, Guillermo",
    "Beto, Alberto",
    "Beto, Roberto",
    "Fer, Fernando",
    "Alex, Alejandro",
    "Dani, Daniel",
    "Mari Carmen, María del Carmen",
    "Iñaki, Ignacio",
    "Fco., Francisco",
    "Fco., Paco",
    "Gmo., Guillermo",
    "Wm., William",
    "Wm., Bill",
    "Thos., Thomas",
    "Robt., Robert",
  })
  void knowsTheSameName(String a, String b) {
    assertTrue(nicknames.sameName(fold(a), fold(b)));
    assertTrue(nicknames.sameName(fold(b), fold(a)));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({
    "Alberto, Roberto",
    "Robert, William",
    "José, José María",
    "Paco, Pepe",
    "Francisco, Francisca",
    "Lola, Lolo",
    "Fco., Francisca",
    "Wm., Thomas",
  })
  void keepsDifferentNamesApart(String a, String b) {
    assertFalse(nicknames.sameName(fold(a), fold(b)));
  }

  @Test
  void givesCanonicalForms() {
    assertEquals(Set.of("francisco"), nicknames.canonicalForms("paco"));
    assertEquals(Set.of("alberto", "roberto", "humberto"), nicknames.canonicalForms("beto"));
    assertEquals(Set.of("jose maria"), nicknames.canonicalForms("chema"));
    assertEquals(Set.of("zebulon"), nicknames.canonicalForms("zebulon"));
  }

  @Test
  void standardTableIsLargeAndBilingual() {
    assertTrue(nicknames.groupCount() >= 150, "groups: " + nicknames.groupCount());
    assertTrue(nicknames.maxTokens() >= 2);
  }

  @Test
  void loadsAnEditedTable() {
    Nicknames custom =
        Nicknames.load(new StringReader("# comment\n\nXiomara, Xio , Mara\nsolo\nJosé Ángel,Chelo\n"));
    assertEquals(2, custom.groupCount());
    assertTrue(custom.sameName("xio", "mara"));
    assertTrue(custom.sameName("jose angel", "chelo"));
    assertFalse(custom.sameName("bob", "robert"));
    assertEquals(Set.of("xiomara"), custom.canonicalForms("xio"));
  }
}
