package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An erased person leaves keyed hashes, which nobody can reverse by trying every phone number. */
@ApplicationTest
class SuppressionsTest {

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Autowired
    Suppressions suppressions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anErasedPersonLeavesHashesUnderTheInstallationsKeyNotPlainOnes() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);

        prospects.erase(rep.asActor(), prospect.id());

        var stored = jdbc.sql("select email_hash, phone_hash from suppressions where email_hash = ?")
                .param(hmac("email:" + prospect.email()))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(stored[1]).isEqualTo(hmac("phone:" + prospect.phoneE164()));
        assertThat(stored)
                .as("a plain SHA-256 of the phone could be found by hashing every number")
                .doesNotContain(
                        Suppressions.unkeyed("email", prospect.email()),
                        Suppressions.unkeyed("phone", prospect.phoneE164()));
        assertThat(suppressions.suppressedSince(prospect.email(), null)).isPresent();
        assertThat(suppressions.suppressedSince(null, prospect.phoneE164())).isPresent();
    }

    @Test
    void anEntryFromBeforeTheKeyStillRefusesThePersonUntilItIsLifted() {
        var rep = given.rep();
        var email = "old-entry." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        jdbc.sql("insert into suppressions (id, email_hash, phone_hash, created_at) values (?, ?, null, ?)")
                .params(UUID.randomUUID(), Suppressions.unkeyed("email", email), Sql.ts(Instant.now()))
                .update();
        var fields = new ProspectFields(
                "Old Entry", null, email, null, null, null, null, "US", null, null, null, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> prospects.create(rep.asActor(), fields, false, "API"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("erased");

        assertThat(suppressions.liftFor(email, null)).isEqualTo(1);
        assertThat(prospects.create(rep.asActor(), fields, false, "API").created())
                .isTrue();
    }

    private String hmac(String text) throws Exception {
        var key = jdbc.sql("select secret from prospect_keys where name = 'suppressions'")
                .query(String.class)
                .single();
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
