package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A web inquiry from someone already known brings what is new about them, and clears nothing. */
@ApplicationTest
class KnownPersonInquiryTest {

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void theirNewPhoneNameAndCompanyAreKeptAndTheTimeZoneFollowsThePhone() {
        var rep = given.rep();
        var known = given.prospect(rep);
        assertThat(known.timeZoneSource()).isEqualTo(TimeZoneSource.PHONE);
        assertThat(known.timeZone().getId()).isEqualTo("America/New_York");

        inquiry(known, "\"name\":\"Pat Lee-Moreno\",\"phone\":\"(415) 555-0123\",\"company\":\"Moreno Freight\"");

        var changed = given.after(() -> prospects
                .byId(known.id())
                .filter(p -> "+14155550123".equals(p.phoneE164()))
                .orElse(null));
        assertThat(changed.timeZone().getId()).isEqualTo("America/Los_Angeles");
        assertThat(changed.fullName()).isEqualTo("Pat Lee-Moreno");
        assertThat(changed.company()).isEqualTo("Moreno Freight");
        assertThat(changed.title()).as("left as it was").isEqualTo(known.title());
        assertThat(changed.email()).isEqualTo(known.email());
        assertThat(changed.ownerId()).isEqualTo(rep.id());
    }

    @Test
    void aValueThatCannotBeKeptIsLeftOutAndTheRestIsKept() {
        var rep = given.rep();
        var known = given.prospect(rep);

        inquiry(known, "\"name\":\"Pat Renamed\",\"phone\":\"12\"");

        var changed = given.after(() -> prospects
                .byId(known.id())
                .filter(p -> p.fullName().equals("Pat Renamed"))
                .orElse(null));
        assertThat(changed.phoneE164()).isEqualTo(known.phoneE164());
        assertThat(changed.company()).isEqualTo(known.company());
        given.after(() -> jdbc.sql("select count(*) from tasks where prospect_id = ? and kind = 'INBOUND'")
                                .param(known.id())
                                .query(Long.class)
                                .single()
                        > 0
                ? true
                : null);
    }

    private void inquiry(Prospect about, String fields) {
        new SignalSender(port, Clock.systemUTC())
                .accepted("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"INQUIRY\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"email\":\"" + about.email() + "\"," + fields + "}");
    }
}
