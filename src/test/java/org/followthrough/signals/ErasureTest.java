package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Erasing a person leaves nothing in the signals that names them, and repeats are still recognised. */
@ApplicationTest
class ErasureTest {

    @Autowired
    Given given;

    @Autowired
    Signals signals;

    @Autowired
    Prospects prospects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signalsAboutAnErasedPersonForgetWhoTheyWere() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var external = "form-" + UUID.randomUUID();
        signals.receive(new Signal(
                external,
                SignalType.INQUIRY,
                Instant.now(),
                prospect.email().toUpperCase(),
                null,
                "https://example.com/pricing",
                prospect.fullName(),
                prospect.phoneE164(),
                "Acme",
                "Call me"));

        prospects.erase(rep.asActor(), prospect.id());

        var left = jdbc.sql("select email, name, phone, message from signals where external_id = ?")
                .param(external)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        assertThat(left).containsOnlyNulls();
        assertThat(signals.receive(new Signal(
                                external,
                                SignalType.INQUIRY,
                                Instant.now(),
                                prospect.email(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .duplicate())
                .isTrue();
    }
}
