package org.followthrough.inbound.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.followthrough.calls.TaskRaised;
import org.followthrough.inbound.ProspectReplied;
import org.followthrough.team.Actor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Each member's live stream of calls raised to the top of their queue and of prospects' email
 * replies (server-sent events): the moment an inquiry, a trigger event or a reply is stored, the
 * owner's open streams on this instance hear of it. A stream lasts 30 minutes; clients reconnect, as EventSource does by itself.
 */
@Controller
class LiveNotifications {

    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Map<UUID, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    @GetMapping(
            value = {"/api/v1/notifications", "/today/live"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Actor actor) throws IOException {
        var emitter = new SseEmitter(TIMEOUT_MS);
        var mine = streams.computeIfAbsent(actor.id(), id -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        emitter.onCompletion(() -> mine.remove(emitter));
        emitter.onTimeout(() -> mine.remove(emitter));
        emitter.onError(e -> mine.remove(emitter));
        emitter.send(SseEmitter.event().name("hello").data("listening"));
        return emitter;
    }

    /**
     * On the way down the open streams end first (browsers reconnect, to another instance if there is one),
     * so the web server's graceful shutdown is not held up waiting for streams that never finish on their own.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void endStreams() {
        streams.values().forEach(list -> list.forEach(SseEmitter::complete));
        streams.clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaskRaised raised) {
        tell(raised.ownerId(), () -> SseEmitter.event()
                .name(raised.kind().name().toLowerCase(java.util.Locale.ROOT))
                .id(raised.taskId().toString())
                .data(raised, MediaType.APPLICATION_JSON));
    }

    /** A prospect answered by email: the owner hears at once, as event {@code reply}. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ProspectReplied replied) {
        tell(replied.ownerId(), () -> SseEmitter.event().name("reply").data(replied, MediaType.APPLICATION_JSON));
    }

    /** A fresh event for each stream: a built event cannot be sent twice. */
    private void tell(UUID ownerId, java.util.function.Supplier<SseEmitter.SseEventBuilder> event) {
        var mine = streams.getOrDefault(ownerId, List.of());
        for (var emitter : mine) {
            try {
                emitter.send(event.get());
            } catch (IOException | IllegalStateException gone) {
                mine.remove(emitter);
            }
        }
    }
}
