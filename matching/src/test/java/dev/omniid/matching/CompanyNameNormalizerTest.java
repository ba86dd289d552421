package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Company names as written in each country: legal forms read off, abbreviations spelled out. */
class CompanyNameNormalizerTest {
  private static final CompanyNameNormalizer N = CompanyNameNormalizer.standard();

  @ParameterizedTest(name = "{0} -> {1} + {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # Spain
      Distribuciones Hnos. García, S.L.        | distribuciones hermanos garcia | SL
      DISTRIBUCIONES HERMANOS GARCIA SL        | distribuciones hermanos garcia | SL
      Distribuciones Hermanos García Sociedad Limitada | distribuciones hermanos garcia | SL
      Ferretería Núñez S.L.U.                  | ferreteria nunez               | SLU
      Ferretería Núñez, S. L. U.               | ferreteria nunez               | SLU
      Talleres Pérez y Cía., S.A.              | talleres perez compania        | SA
      Banco de la Plata S.A.U.                 | banco plata                    | SAU
      Cooperativa del Campo S. Coop.           | cooperativa campo              | COOP
      # Mexico
      Comercializadora del Norte, S.A. de C.V. | comercializadora norte         | SADECV
      Comercializadora del Norte SA de CV      | comercializadora norte         | SADECV
      Comercializadora del Norte S.A.P.I. de C.V. | comercializadora norte      | SAPIDECV
      Grupo Bimbo, S.A.B. de C.V.              | grupo bimbo                    | SABDECV
      Servicios Integrales S. de R.L. de C.V.  | servicios integrales           | SDERLDECV
      Despacho Jurídico Ramírez, S.C.          | despacho juridico ramirez      | SC
      # Argentina
      Distrib. Del Plata S.R.L.                | distribuciones plata           | SRL
      Logística Austral S.A.S.                 | logistica austral              | SAS
      # Chile
      Comercial Andes Ltda.                    | comercial andes                | LTDA
      Com. Andes Limitada                      | comercial andes                | LTDA
      Inversiones Pacífico SpA                 | inversiones pacifico           | SPA
      Inversiones Pacífico S.p.A.              | inversiones pacifico           | SPA
      Ferretería Sur E.I.R.L.                  | ferreteria sur                 | EIRL
      # Colombia
      Cafés de Colombia S.A.S.                 | cafes colombia                 | SAS
      Textiles Medellín Ltda                   | textiles medellin              | LTDA
      Gómez Hermanos S. en C.                  | gomez hermanos                 | SENC
      # United States
      Acme Widgets, Inc.                       | acme widgets                   | INC
      Acme Widgets Incorporated                | acme widgets                   | INC
      Acme Widgets LLC                         | acme widgets                   | LLC
      Acme Widgets L.L.C.                      | acme widgets                   | LLC
      Smith & Sons Corp.                       | smith sons                     | CORP
      Johnson Bros. Mfg. Co., Inc.             | johnson brothers manufacturing compania | INC
      # United Kingdom
      Marks and Spencer PLC                    | marks spencer                  | PLC
      The Widget Company Ltd                   | widget compania                | LTD
      The Widget Company Limited               | widget compania                | LTD
      # Germany
      Müller Maschinenbau GmbH                 | mueller maschinenbau           | GMBH
      Mueller Maschinenbau G.m.b.H.            | mueller maschinenbau           | GMBH
      Schmidt & Partner GmbH & Co. KG          | schmidt partner                | KG
      Bäckerei Schulz e.K.                     | baeckerei schulz               | EK
      Siemens AG                               | siemens                        | AG
      Startup Berlin UG (haftungsbeschränkt)   | startup berlin                 | UG
      """)
  void readsTheLegalFormApart(String raw, String core, String form) {
    CompanyName name = N.parse(raw);
    assertEquals(List.of(core.split(" ")), name.core(), raw);
    assertEquals(Optional.of(LegalForm.valueOf(form)), name.legalForm(), raw);
  }

  @Test
  void theNormalizedValueIsTheSortedCoreThenTheFormCode() {
    assertEquals("distribuciones garcia hermanos sl", N.normalize("Distribuciones Hnos. García, S.L."));
    assertEquals("distribuciones garcia hermanos sl", N.normalize("Hermanos García Distrib. SL"));
    assertEquals("comercializadora norte sadecv", N.normalize("Comercializadora del Norte, S.A. de C.V."));
    assertEquals("acme widgets", N.normalize("ACME Widgets"));
  }

  @Test
  void abbreviationsAreSpelledOut() {
    assertEquals(N.normalize("Distribuciones García"), N.normalize("Distrib. García"));
    assertEquals(N.normalize("Distribuciones García"), N.normalize("Dist. García"));
    assertEquals(N.normalize("Distribuciones García"), N.normalize("Distribuidora García"));
    assertEquals(N.normalize("García Hermanos"), N.normalize("García Hnos."));
    assertEquals(N.normalize("Pérez y Compañía"), N.normalize("Pérez y Cía."));
    assertEquals(N.normalize("Pérez & Co."), N.normalize("Pérez y Cía."));
    assertEquals(N.normalize("Comercial Andes"), N.normalize("Com. Andes"));
    assertEquals(N.normalize("Acme International"), N.normalize("Acme Int'l"));
    assertEquals(N.normalize("Acme International"), N.normalize("Acme Intl."));
  }

  @Test
  void connectivesAreOneAndDropped() {
    String and = N.normalize("Smith and Sons Ltd");
    assertEquals(and, N.normalize("Smith & Sons Ltd"));
    assertEquals(and, N.normalize("Smith + Sons Ltd"));
    assertEquals(N.normalize("García y Hijos S.L."), N.normalize("García e Hijos S.L."));
    assertEquals(N.normalize("Müller und Söhne GmbH"), N.normalize("Müller & Söhne GmbH"));
  }

  @Test
  void accentsAndCaseFold() {
    assertEquals(N.normalize("COMPAÑÍA ANÓNIMA DE SEÑALES S.A."),
        N.normalize("compania anonima de senales sa"));
  }

  @Test
  void aFormIsReadOnlyAtTheEnd() {
    CompanyName name = N.parse("SA Explotaciones Agrícolas");
    assertEquals(Optional.empty(), name.legalForm());
    assertEquals(List.of("sa", "explotaciones", "agricolas"), name.core());
  }

  @Test
  void aNameWithoutAFormHasNone() {
    assertEquals(Optional.empty(), N.parse("La Tienda de Ana").legalForm());
    assertEquals(List.of("tienda", "ana"), N.parse("La Tienda de Ana").core());
  }

  @Test
  void digitsAreKept() {
    assertEquals("2010 inversiones sa", N.normalize("Inversiones 2010 S.A."));
    assertFalse(N.normalize("Inversiones 2010 S.A.").equals(N.normalize("Inversiones 2011 S.A.")));
  }

  @Test
  void refusesValuesWithoutAName() {
    for (String raw : List.of("S.A.", "SA de CV", "Inc.", "GmbH", "  &  ", "...", "")) {
      OmniIdException e = assertThrows(OmniIdException.class, () -> N.normalize(raw), raw);
      assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason(), raw);
    }
    OmniIdException e = assertThrows(OmniIdException.class, () -> N.normalize("x".repeat(301)));
    assertEquals(OmniIdException.Reason.TOO_LARGE, e.reason());
  }

  @Test
  void refusalsNeverQuoteTheValue() {
    OmniIdException e = assertThrows(OmniIdException.class, () -> N.normalize("Sociedad Anónima"));
    assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("anonima"), e.getMessage());
  }

  @Test
  void contrivedNamesSettle() {
    // Sorting brings "limited" to the end, where it reads as a legal form: the value settles.
    String once = N.normalize("Limited Acme");
    assertEquals("acme ltd", once);
    assertEquals(once, N.normalize(once));
  }

  @Test
  void genericWordsAreKnown() {
    assertTrue(CompanyNameNormalizer.isGeneric("distribuciones"));
    assertTrue(CompanyNameNormalizer.isGeneric("hermanos"));
    assertFalse(CompanyNameNormalizer.isGeneric("garcia"));
  }
}
