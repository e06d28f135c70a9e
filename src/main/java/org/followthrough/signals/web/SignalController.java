package org.followthrough.signals.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.followthrough.common.Refusal;
import org.followthrough.signals.Signal;
import org.followthrough.signals.Signals;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.team.PublicPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook senders post signals to. It needs no account: the signature over the raw body is the
 * proof, checked before the body is even parsed.
 */
@RestController
class SignalController {

    private final SignalIntake intake;
    private final JsonMapper json;
    private final Clock clock;
    private final List<String> secrets;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final FloodGate floodGate;

    SignalController(
            SignalIntake intake,
            FloodGate floodGate,
            JsonMapper json,
            Clock clock,
            @Value("${followthrough.webhook-secret:}") String secret,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.intake = intake;
        this.floodGate = floodGate;
        this.json = json;
        this.clock = clock;
        // several secrets, comma-separated, are active at once while one is being rotated
        this.secrets = java.util.Arrays.stream(secret.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        this.meters = meters;
    }

    @Bean
    static PublicPaths signalWebhook() {
        return () -> List.of("/api/v1/signals");
    }

    @PostMapping("/api/v1/signals")
    ResponseEntity<Signals.Receipt> receive(
            @RequestBody byte[] body,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
            HttpServletRequest request) {
        if (secrets.isEmpty()) {
            throw new Refusal(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Webhooks are off",
                    "This installation takes no signals until an administrator sets FOLLOWTHROUGH_WEBHOOK_SECRET.");
        }
        try {
            floodGate.admit(request.getRemoteAddr());
        } catch (Refusal flood) {
            meters.counter("followthrough.signals.rejected", "reason", "flood").increment();
            throw flood;
        }
        SignalRequest parsed;
        Signal signal;
        try {
            WebhookSignature.verify(signature, body, secrets, clock.instant());
            parsed = parse(body, request);
            signal = parsed.toSignal();
        } catch (RuntimeException rejected) {
            meters.counter(
                            "followthrough.signals.rejected",
                            "reason",
                            rejected instanceof Refusal ? "signature" : "body")
                    .increment();
            throw rejected;
        }
        var receipt = intake.store(new Signals.Incoming(signal, new String(body, StandardCharsets.UTF_8)));
        meters.counter(
                        "followthrough.signals.received",
                        "type",
                        parsed.type() == null ? "UNKNOWN" : parsed.type().toString(),
                        "duplicate",
                        String.valueOf(receipt.duplicate()))
                .increment();
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(receipt);
    }

    private SignalRequest parse(byte[] body, HttpServletRequest request) {
        try {
            // senders add fields of their own as their tools evolve: those are kept in the raw body, not refused
            return json.readerFor(SignalRequest.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
    }
}
