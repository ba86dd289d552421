package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The levels of {@link CompanyNameMatcher} on raw names, as a source writes them. */
class CompanyNameMatcherTest {

  static ComparisonLevel grade(String a, String b) {
    CompanyNameNormalizer n = CompanyNameNormalizer.standard();
    return CompanyNameMatcher.standard().compare(n.normalize(a), n.normalize(b));
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # The same form, however spelled, and the same core in any order and spelling: EXACT.
      Distribuciones Hnos. García, S.L.   | DISTRIBUCIONES HERMANOS GARCIA SL      | EXACT
      Distribuciones Hnos. García, S.L.   | Hermanos García Distrib., S.L.          | EXACT
      Comercializadora del Norte, S.A. de C.V. | Comercializadora Del Norte SA de CV | EXACT
      Acme Widgets, Inc.                  | ACME WIDGETS INCORPORATED               | EXACT
      Müller Maschinenbau GmbH            | Mueller Maschinenbau G.m.b.H.           | EXACT
      Smith & Sons Ltd                    | Smith and Sons Limited                  | EXACT
      Comercial Andes Ltda.               | Com. Andes Limitada                     | EXACT
      Inversiones Pacífico SpA            | Inversiones Pacifico S.p.A.             | EXACT
      # The same core, a form of the same family or none: STRONG.
      Comercializadora del Norte, S.A.    | Comercializadora del Norte, S.A. de C.V. | STRONG
      Ferretería Núñez S.L.               | Ferretería Núñez S.L.U.                 | STRONG
      Ferretería Núñez S.L.               | Ferretería Núñez                        | STRONG
      Acme Widgets Inc.                   | Acme Widgets Corp.                      | STRONG
      Cafés de Colombia S.A.              | Cafés de Colombia S.A.S.                | STRONG
      Textiles Medellín Ltda              | Textiles Medellín S.R.L.                | STRONG
      # The same core, forms of different families (a namesake, a sister company): MEDIUM.
      Acme Widgets Inc.                   | Acme Widgets LLC                        | MEDIUM
      García Hermanos S.L.                | García Hermanos S.A.                    | MEDIUM
      Textiles Medellín Ltda              | Textiles Medellín S.A.S.                | MEDIUM
      Schmidt Partner GmbH                | Schmidt & Partner GmbH & Co. KG         | MEDIUM
      # A typo, or generic words added: MEDIUM; with a conflicting form: WEAK.
      Distribuciones García S.L.          | Distribuciones Garsía S.L.              | MEDIUM
      Transportes Martínez S.A.           | Transportes Martines S.A.               | MEDIUM
      García Hnos. S.L.                   | Distribuciones García Hnos. S.L.        | MEDIUM
      Bimbo S.A.B. de C.V.                | Grupo Bimbo, S.A.B. de C.V.             | MEDIUM
      Distribuciones García S.L.          | Distribuciones Garsía S.A.              | WEAK
      # A distinctive token shared, others differing: WEAK.
      García Hnos. S.L.                   | García e Hijos S.L.                     | WEAK
      Acme Widgets Inc.                   | Acme Foods Inc.                         | WEAK
      # Nothing distinctive shared: DIFFERENT.
      Distribuciones Norte S.L.           | Distribuciones Sur S.L.                 | DIFFERENT
      Distribuciones Norte S.L.           | Distribuciones Norte Sur S.L.           | WEAK
      Grupo Alfa S.A.                     | Grupo Alta S.A.                         | DIFFERENT
      Inversiones 2010 S.A.               | Inversiones 2011 S.A.                   | DIFFERENT
      Talleres Pérez S.L.                 | Talleres Peña S.L.                      | DIFFERENT
      García Hnos. S.L.                   | García e Hijos S.A.                     | DIFFERENT
      Siemens AG                          | Bosch GmbH                              | DIFFERENT
      """)
  void grades(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, grade(a, b), a + " ~ " + b);
    assertEquals(expected, grade(b, a), b + " ~ " + a);
  }

  @Test
  void aNamesakeInAnotherFamilyIsWeakerThanTheSameCompanyWrittenTwoWays() {
    // "García Hermanos S.A." may be the S.L.'s namesake in another town: the level says so, and
    // the model weighs it below a compatible form; the name alone does not merge them.
    ComparisonLevel namesake = grade("García Hermanos S.L.", "García Hermanos S.A.");
    ComparisonLevel sameCompany = grade("García Hermanos S.L.", "García Hnos. S.L.U.");
    assertEquals(ComparisonLevel.MEDIUM, namesake);
    assertEquals(ComparisonLevel.STRONG, sameCompany);
  }

  @Test
  void distinctStringsAreNeverExact() {
    // Outside the normalizer's range (unsorted tokens): equal tokens, but not the same value.
    assertEquals(ComparisonLevel.STRONG,
        CompanyNameMatcher.standard().compare("garcia distribuciones sl", "distribuciones garcia sl"));
  }
}
