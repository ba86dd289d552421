package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --preset NAME} in place of {@code --mapping FILE}: a built-in mapping of connect's. */
class PresetOptionTest {
  @TempDir
  Path dir;

  /** A Shopify customers export (columns as Shopify writes them): two rows of Ana, one of Luis. */
  private Path shopifyCustomers() throws IOException {
    Path input = dir.resolve("customers_export.csv");
    Files.writeString(input, "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,"
        + "Default Address Company,Default Address Address1,Default Address Address2,Default Address City,"
        + "Default Address Province Code,Default Address Country Code,Default Address Zip,"
        + "Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags\n"
        + "'7001,Ana,García,ana.garcia@correo.es,yes,,Calle Mayor 5,,Madrid,M,ES,28013,,'+34612345678,no,0,0,,no,\n"
        + "'7002,ANA,Garcia,Ana.Garcia@correo.es,no,,C/ Mayor 5,,Madrid,M,ES,28013,,612 345 678,no,0,0,,no,\n"
        + "'7003,Luis,Pérez,luis@correo.es,no,,Gran Vía 1,,Madrid,M,ES,28013,,,no,0,0,,no,\n");
    return input;
  }

  @Test
  void aPresetMapsAKnownExport() throws IOException {
    CliRun r = run("resolve", "--input", shopifyCustomers().toString(), "--preset", "shopify-customers",
        "--out", "-");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(4, lines.size(), r.out());
    String ana = lines.get(1).substring(lines.get(1).indexOf(',') + 1);
    assertEquals(ana, lines.get(2).substring(lines.get(2).indexOf(',') + 1), "both rows of Ana: " + r.out());
    assertTrue(!lines.get(3).endsWith(ana), "Luis apart: " + r.out());
  }

  @Test
  void anUnknownPresetListsTheKnownOnes() throws IOException {
    CliRun r = run("stats", "--input", shopifyCustomers().toString(), "--preset", "shopify");
    assertEquals(CliException.USAGE, r.exit(), r.err());
    assertEquals("omniid: --preset: unknown preset \"shopify\" (known: hubspot-contacts, klaviyo-profiles,"
        + " magento-customers, salesforce-contacts, shopify-customers, shopify-orders)", r.err().strip());
  }

  @Test
  void givesOneOfMappingAndPreset() throws IOException {
    Path input = shopifyCustomers();
    Path mapping = dir.resolve("m.json");
    Files.writeString(mapping, "{\"id\": \"Customer ID\"}");
    for (String[] args : List.of(new String[] {"stats", "--input", input.toString()},
        new String[] {"stats", "--input", input.toString(), "--mapping", mapping.toString(),
            "--preset", "shopify-customers"})) {
      CliRun r = run(args);
      assertEquals(CliException.USAGE, r.exit(), r.err());
      assertTrue(r.err().contains("give either --mapping FILE or --preset NAME"), r.err());
    }
  }

  @Test
  void theHelpListsEveryPreset() {
    assertEquals(new TreeSet<>(Mapping.presets()), new TreeSet<>(List.of(Pipeline.PRESET_NAMES.split(", "))));
    assertEquals(Set.copyOf(Mapping.presets()).size(), Mapping.presets().size());
  }
}
