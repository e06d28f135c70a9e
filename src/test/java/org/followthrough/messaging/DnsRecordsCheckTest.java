package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.messaging.PublishedRecords.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Settings → Email checks what is published in DNS against what FollowThrough needs, asking a real
 * DNS server over UDP (a responder on 127.0.0.1 publishing the test's records, reached through the
 * JDK's DNS provider as in production): the DKIM key published or missing or another key, the SPF
 * record permitting the SMTP server (127.0.0.1 here) directly or through an include, or not, or
 * missing, the DMARC record with its policy or missing; a DNS server that does not answer makes the
 * page say "could not check", never an error page, and is asked about one record only (so the check
 * takes one lookup's timeout, 2 s). Opening the page never asks DNS: it shows the latest check.
 */
@ApplicationTest
class DnsRecordsCheckTest extends WithMailServers {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    DkimKeys dkim;

    @Autowired
    PublishedRecords records;

    @AfterEach
    void nothingPublished() {
        DNS.clear();
    }

    @Test
    void recordsThatMatchAreSaidToMatch() {
        var published = dkim.published();
        DNS.txt(published.dkim().name(), published.dkim().value());
        DNS.txt(published.spf().name(), "v=spf1 ip4:192.0.2.0/24 ip4:127.0.0.0/8 -all");
        DNS.txt(published.spf().name(), "google-site-verification=abc123");
        DNS.txt(published.dmarc().name(), "v=DMARC1; p=quarantine; rua=mailto:dmarc@followthrough.test");

        var check = records.check();
        assertThat(check.dkim().state()).isEqualTo(State.MATCHES);
        assertThat(check.dkim().found()).containsExactly(published.dkim().value());
        assertThat(check.spf().state()).isEqualTo(State.MATCHES);
        assertThat(check.spf().detail()).contains("permits the SMTP server 127.0.0.1");
        assertThat(check.dmarc().state()).isEqualTo(State.MATCHES);
        assertThat(check.dmarc().detail()).contains("p=quarantine");
    }

    @Test
    void anSpfRecordMayPermitTheServerThroughAnInclude() {
        var domain = dkim.published().spf().name();
        DNS.txt(domain, "v=spf1 mx include:_spf.mailer.example ~all");
        DNS.mx(domain, 10, "mx." + domain);
        DNS.txt("_spf.mailer.example", "v=spf1 ip4:127.0.0.1 -all");
        assertThat(records.check().spf().state()).isEqualTo(State.MATCHES);

        DNS.clear();
        DNS.txt(domain, "v=spf1 mx include:_spf.mailer.example ~all");
        DNS.txt("_spf.mailer.example", "v=spf1 ip4:198.51.100.7 -all");
        var differs = records.check().spf();
        assertThat(differs.state()).isEqualTo(State.DIFFERS);
        assertThat(differs.detail()).contains("does not permit the SMTP server 127.0.0.1 (softfail)");
    }

    @Test
    void anotherKeyAnSpfRecordThatLeavesTheServerOutAndAMissingDmarcAreShownOnThePage() {
        var admin = given.admin();
        var published = dkim.published();
        var otherKey =
                "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdx/ZXY2wFUdatu8+l4MoAFSFKnL36GFp7M6W3ZMGnqPtz52dzCp9IdajIcQC+sqeOp8NKKjgfn4n8Oa/TKC1+eXCmdFjIS6cXW5gYDpCaHqqZj2LPj8rMv2C9TeYsJFQtYjnMVSTbiltL1Hw/1TPUHECD5FAdw/3pn4rjLwIDAQAB";
        DNS.txt(published.dkim().name(), otherKey);
        DNS.txt(published.spf().name(), "v=spf1 ip4:203.0.113.5 -all");

        assertThat(mvc.get().uri("/settings/email").with(httpBasic(admin.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("Check what is published")
                .as("opening the page shows the latest check, it does not ask DNS")
                .doesNotContain("the published key is not the one email is signed with");

        assertThat(mvc.post()
                        .uri("/settings/email/dns-check")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("dns-status dns-differs error\" id=\"dns-dkim\"")
                .contains("the published key is not the one email is signed with")
                .contains("does not permit the SMTP server 127.0.0.1 (fail)")
                .contains("v=spf1 ip4:203.0.113.5 -all")
                .contains("dns-status dns-missing error\" id=\"dns-dmarc\"")
                .contains("no DMARC record (v=DMARC1) is published");

        DNS.clear();
        var missing = records.check();
        assertThat(missing.dkim().state()).isEqualTo(State.MISSING);
        assertThat(missing.spf().state()).isEqualTo(State.MISSING);
        assertThat(missing.dmarc().state()).isEqualTo(State.MISSING);
        assertThat(mvc.get()
                        .uri("/settings/email")
                        .with(httpBasic(given.manager().email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"dns-dkim\"")
                .contains("no TXT record is published at this name");
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsSaidOnThePageAndAskedOnlyOnce() {
        var admin = given.admin();
        DNS.silent(true);
        assertThat(mvc.post()
                        .uri("/settings/email/dns-check")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("dns-status dns-could_not_check error\" id=\"dns-dkim\"")
                .contains("could not check: the DNS server " + DNS.address() + " did not answer")
                .contains("dns-status dns-could_not_check error\" id=\"dns-dmarc\"");
        assertThat(DNS.asked())
                .as("once the server does not answer (a try and one retry), the other records are not asked")
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2)
                .containsOnly(dkim.published().dkim().name());
        assertThat(records.last().orElseThrow().spf().state()).isEqualTo(State.COULD_NOT_CHECK);
    }
}
