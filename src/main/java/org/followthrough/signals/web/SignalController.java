package org.followthrough.signals.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalType;
import org.followthrough.signals.Signals;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.team.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook senders post signals to. It needs no account: the signature over the raw body is the
 * proof, checked before the body is even parsed.
 */
@RestController
class SignalController {

    private final SignalIntake intake;
    /** Senders add fields of their own as their tools evolve: those are kept in the raw body, not refused. */
    private final ObjectReader reader;

    private final Clock clock;
    private final List<String> secrets;
    private final MeterRegistry meters;
    /** The received counters by type, new ones then duplicates: looked up once, not on every page view. */
    private final Map<SignalType, Counter[]> received = new EnumMap<>(SignalType.class);

    private final FloodGate floodGate;

    SignalController(
            SignalIntake intake,
            FloodGate floodGate,
            JsonMapper json,
            Clock clock,
            SignalSettings settings,
            MeterRegistry meters) {
        this.intake = intake;
        this.floodGate = floodGate;
        this.reader = org.followthrough.common.PlainText.checking(
                json.readerFor(SignalRequest.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        this.clock = clock;
        // several secrets, comma-separated, are active at once while one is being rotated
        this.secrets = Arrays.stream(settings.webhookSecret().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        this.meters = meters;
        for (var type : SignalType.values()) {
            received.put(type, new Counter[] {
                meters.counter("followthrough.signals.received", "type", type.toString(), "duplicate", "false"),
                meters.counter("followthrough.signals.received", "type", type.toString(), "duplicate", "true")
            });
        }
    }

    /**
     * Signals are counted by their own meters (received, rejected, inquiry to task); the generic timing of
     * every HTTP request would cost a busy website's page views a good part of their time here.
     */
    @Bean
    static ObservationPredicate noRequestTimingForSignals() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && "/api/v1/signals".equals(request.getCarrier().getRequestURI()));
    }

    @Bean
    static PublicPaths signalWebhook() {
        return () -> List.of("/api/v1/signals");
    }

    /**
     * Read and answered by hand rather than through message converters: a busy website posts thousands of
     * these a second, and the body must be kept byte for byte anyway for its signature. The answer is the
     * {@link Signals.Receipt}, as JSON.
     */
    @PostMapping(value = "/api/v1/signals", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "202",
            description = "stored (200 when the id was already known)",
            content = @Content(schema = @Schema(implementation = Signals.Receipt.class)))
    @ApiResponse(
            responseCode = "200",
            description = "the id was already known: the receipt of the signal stored before",
            content = @Content(schema = @Schema(implementation = Signals.Receipt.class)))
    @ApiResponse(
            responseCode = "429",
            description = "this source sends too fast: try again after Retry-After seconds",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "503",
            description = "too much is waiting to be stored (try again after Retry-After seconds), or webhooks are off",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<String> receive(
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
            HttpServletRequest request)
            throws java.io.IOException {
        var body = request.getInputStream().readAllBytes();
        if (secrets.isEmpty()) {
            throw new Refusal(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Webhooks are off",
                    "This installation takes no signals until an administrator sets FOLLOWTHROUGH_WEBHOOK_SECRET.");
        }
        try {
            WebhookSignature.verify(signature, body, secrets, clock.instant());
        } catch (Refusal rejected) {
            meters.counter("followthrough.signals.rejected", "reason", "signature")
                    .increment();
            throw rejected;
        }
        return isBatch(body) ? batch(body, request) : one(body, request);
    }

    private ResponseEntity<String> one(byte[] body, HttpServletRequest request) {
        admit(request, 1);
        var signal = checked(() -> parse(body, request).toSignal());
        var receipt = intake.store(new Signals.Incoming(signal, new String(body, StandardCharsets.UTF_8)));
        counted(signal, receipt);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json(receipt));
    }

    /**
     * A JSON array of up to {@value #BATCH} signals, signed as a whole, as tools that collect a website's
     * events send them: all are checked first, and one that is wrong refuses the batch (its problems named
     * by position) so the sender can fix and send it again; each signal keeps its own element as its body.
     */
    private ResponseEntity<String> batch(byte[] body, HttpServletRequest request) {
        var elements = checked(() -> parseBatch(body, request));
        admit(request, elements.size());
        var incoming = checked(() -> {
            var problems = new InvalidInput.Collector();
            var checked = new ArrayList<Signals.Incoming>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                try {
                    var element = elements.get(i);
                    checked.add(new Signals.Incoming(
                            reader.<SignalRequest>readValue(element).toSignal(), element.toString()));
                } catch (InvalidInput invalid) {
                    for (var p : invalid.problems()) {
                        problems.add("[" + i + "]." + p.field(), p.message());
                    }
                } catch (tools.jackson.databind.DatabindException unreadable) {
                    var field = unreadable.getPath().stream()
                            .map(tools.jackson.core.JacksonException.Reference::getPropertyName)
                            .filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.joining("."));
                    problems.add("[" + i + "]" + (field.isEmpty() ? "" : "." + field), unreadable.getOriginalMessage());
                } catch (JacksonException unreadable) {
                    problems.add("[" + i + "]", unreadable.getOriginalMessage());
                }
            }
            problems.throwIfAny();
            return checked;
        });
        var receipts = intake.storeAll(incoming);
        var answer = new StringBuilder("{\"receipts\":[");
        for (int i = 0; i < receipts.size(); i++) {
            counted(incoming.get(i).signal(), receipts.get(i));
            answer.append(i == 0 ? "" : ",").append(json(receipts.get(i)));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.append("]}").toString());
    }

    static final int BATCH = 500;

    private static boolean isBatch(byte[] body) {
        for (var b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private List<JsonNode> parseBatch(byte[] body, HttpServletRequest request) {
        JsonNode tree;
        try {
            tree = reader.readTree(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
        var elements = new ArrayList<JsonNode>();
        tree.forEach(elements::add);
        if (elements.isEmpty() || elements.size() > BATCH) {
            throw InvalidInput.of(
                    "signals", "a batch holds 1 to " + BATCH + " signals; this one has " + elements.size());
        }
        return elements;
    }

    private void admit(HttpServletRequest request, int signals) {
        try {
            floodGate.admit(request.getRemoteAddr(), signals);
        } catch (Refusal flood) {
            meters.counter("followthrough.signals.rejected", "reason", "flood").increment();
            throw flood;
        }
    }

    /** Runs a check of the body; a refusal is counted as a rejected signal. */
    private <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (RuntimeException rejected) {
            meters.counter("followthrough.signals.rejected", "reason", "body").increment();
            throw rejected;
        }
    }

    private void counted(Signal signal, Signals.Receipt receipt) {
        received.get(signal.type())[receipt.duplicate() ? 1 : 0].increment();
    }

    private static String json(Signals.Receipt receipt) {
        return "{\"signalId\":\"" + receipt.signalId() + "\",\"duplicate\":" + receipt.duplicate() + "}";
    }

    private SignalRequest parse(byte[] body, HttpServletRequest request) {
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
    }
}
