package org.calibra.certification.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calibra's credentials against 1EdTech's published OB 3.0 AchievementCredential JSON Schema
 * (src/test/resources/openbadges/README.md says where it comes from and the one adjustment for VC 2.0).
 */
public class OpenBadgeSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The 1EdTech schema, with issuanceDate (VC 1.1) read as validFrom (VC 2.0) in the top-level required list. */
    public static Schema schema() {
        try (InputStream in = OpenBadgeSchemaTest.class.getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")) {
            ObjectNode tree = (ObjectNode) JSON.readTree(in);
            tree.remove("$schema"); // the dialect is given below; no meta-schema is fetched from the network
            ArrayNode required = (ArrayNode) tree.get("required");
            for (int i = 0; i < required.size(); i++) {
                if (required.get(i).asString().equals("issuanceDate")) {
                    required.set(i, JSON.getNodeFactory().stringNode("validFrom"));
                }
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems the schema finds in the payload of a signed credential (empty when it conforms). */
    public static List<Error> problems(String compactJws) {
        try {
            Map<String, Object> payload = SignedJWT.parse(compactJws).getPayload().toJSONObject();
            JsonNode node = JSON.valueToTree(payload);
            return schema().validate(node);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_signed_calibra_credential_conforms_to_the_published_schema() {
        var key = KeyAlgorithm.RS256.generate("k", SampleCredentials.ISSUED);
        String jws = SampleCredentials.sign(SampleCredentials.credential(), key);

        assertThat(problems(jws)).isEmpty();
    }

    @Test
    void the_schema_really_checks_a_credential_missing_its_achievement_fails() {
        var credential = SampleCredentials.credential();
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) credential.get("credentialSubject");
        subject.remove("achievement");
        var key = KeyAlgorithm.RS256.generate("k", SampleCredentials.ISSUED);

        assertThat(problems(SampleCredentials.sign(credential, key))).isNotEmpty();
    }
}
