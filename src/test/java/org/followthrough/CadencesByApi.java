package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Cadences made through {@code PUT /api/v1/cadences/{key}} as a manager's client makes them. */
public final class CadencesByApi {

    private CadencesByApi() {}

    /**
     * A new one-email cadence marked to run alongside the others ("Event invitation", its email two
     * business days after enrolment), saved as the holder of {@code bearer}; returns its key.
     */
    public static String alongside(MockMvcTester mvc, String bearer, String keyPrefix) {
        var key = keyPrefix + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.put()
                        .uri("/api/v1/cadences/" + key)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Event invitation\",\"alongside\":true,\"steps\":[{\"channel\":\"EMAIL\","
                                + "\"delay\":{\"amount\":2,\"unit\":\"BUSINESS_DAYS\"},\"placing\":\"EXACT\","
                                + "\"template\":\"nurture-1\"}]}"))
                .hasStatusOk();
        return key;
    }
}
