package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --explain} file states a scored link's threshold in the unit {@code --threshold}
 * takes, a match probability, with the weight beside it: one user-facing unit for the threshold.
 */
class ExplainUnitsTest {
  @TempDir
  Path dir;

  @Test
  void aScoredLinkStatesItsThresholdAsAProbabilityWithTheWeightBeside() throws Exception {
    Path input = dir.resolve("in.csv");
    Path mapping = dir.resolve("m.json");
    Path explain = dir.resolve("explain.jsonl");
    // One woman on two channels with two emails: only her name, birth date and street join them.
    Files.writeString(input, "id,email,first,last,dob,street,postal\n"
        + "w-1,marta.quiroga@correo.es,Marta,Quiroga Lens,1984-03-17,Calle del Olmo 14,28012\n"
        + "p-2,mquiroga@trabajo.es,Marta,Quiroga Lens,1984-03-17,C/ Olmo 14,28012\n");
    Files.writeString(mapping, "{\"id\": \"id\", \"defaultRegion\": \"ES\", \"fields\": {"
        + "\"email\": \"email\", \"given_name\": \"first\", \"family_name\": \"last\","
        + " \"birth_date\": \"dob\", \"address_line\": \"street\", \"postal_code\": \"postal\"}}");
    CliRun r = CliRun.run("resolve", "--input", input.toString(), "--mapping", mapping.toString(),
        "--out", dir.resolve("c.csv").toString(), "--explain", explain.toString(),
        "--threshold", "0.995");
    assertEquals(0, r.exit(), r.err());

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> scored = new ArrayList<>();
    for (String line : Files.readAllLines(explain)) {
      json.readTree(line).get("evidence").forEach(e -> {
        if ("scored_match".equals(e.path("kind").asText())) {
          scored.add(e);
        }
      });
    }
    assertEquals(2, scored.size(), "the link, seen from each record: " + Files.readString(explain));
    for (JsonNode e : scored) {
      assertEquals(0.995, e.get("threshold").asDouble(), 1e-9, e.toString());
      double weight = Math.log(0.995 / 0.005) / Math.log(2);
      assertEquals(weight, e.get("threshold_weight").asDouble(), 1e-3, e.toString());
      double p = e.get("probability").asDouble();
      assertTrue(p >= 0.995 && p <= 1, e.toString());
      double w = e.get("weight").asDouble();
      assertTrue(w >= e.get("threshold_weight").asDouble() - 1e-3, e.toString());
    }
    assertFalse(Files.readString(explain).contains("quiroga@"), "explanations are masked");
  }
}
