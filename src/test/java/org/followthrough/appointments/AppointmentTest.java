package org.followthrough.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.junit.jupiter.api.Test;

/** An appointment's life: booked, then moved or cancelled, held or missed, and nothing after that. */
class AppointmentTest {

    final UUID prospect = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final Instant at = Instant.parse("2026-08-20T20:00:00Z");
    final Instant later = Instant.parse("2026-08-21T15:00:00Z");

    Appointment booked() {
        return Appointment.book(prospect, owner, at, "Pricing").now();
    }

    @Test
    void aBookingIsTheFirstVersionAndSaysSo() {
        var booking = Appointment.book(prospect, owner, at, "Pricing");
        assertThat(booking.now().status()).isEqualTo(Appointment.Status.BOOKED);
        assertThat(booking.now().sequence()).isZero();
        assertThat(booking.event())
                .isEqualTo(new AppointmentBooked(booking.now().id(), prospect, owner, at));
    }

    @Test
    void movingGivesTheNextVersionAndKeepsTheAgendaUnlessANewOneIsGiven() {
        var a = booked();
        var moved = a.move(later, null);
        assertThat(moved.now().at()).isEqualTo(later);
        assertThat(moved.now().agenda()).isEqualTo("Pricing");
        assertThat(moved.now().sequence()).isEqualTo(1);
        assertThat(moved.event()).isEqualTo(new AppointmentMoved(a.id(), prospect, owner, at, later, 1));
        assertThat(moved.now().move(at, "Contract").now().agenda()).isEqualTo("Contract");
    }

    @Test
    void cancellingIsTheNextVersionOfTheInvitation() {
        var cancelled = booked().cancel();
        assertThat(cancelled.now().status()).isEqualTo(Appointment.Status.CANCELLED);
        assertThat(cancelled.now().sequence()).isEqualTo(1);
        assertThat(cancelled.event().at()).isEqualTo(at);
    }

    @Test
    void itsCallHoldsOrMissesIt() {
        var held = booked().hold(at.plusSeconds(30));
        assertThat(held.now().status()).isEqualTo(Appointment.Status.HELD);
        assertThat(held.event().calledAt()).isEqualTo(at.plusSeconds(30));
        var missed = booked().miss();
        assertThat(missed.now().status()).isEqualTo(Appointment.Status.MISSED);
        assertThat(missed.event().at()).isEqualTo(at);
    }

    @Test
    void aHeldMissedOrCancelledAppointmentNeverMovesAgain() {
        var held = booked().hold(at).now();
        var missed = booked().miss().now();
        var cancelled = booked().cancel().now();
        for (var done : new Appointment[] {held, missed, cancelled}) {
            assertThatThrownBy(done::cancel)
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining(done.status().name());
            assertThatThrownBy(() -> done.move(later, null)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> done.hold(at)).isInstanceOf(Refusal.class);
            assertThatThrownBy(done::miss).isInstanceOf(Refusal.class);
        }
    }
}
