package org.followthrough.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calls.Leads;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.touches.CallRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's numbers (R19) for a member: a rep sees their own calls and prospects, a manager or an
 * admin the whole team's, or one member's when they name them.
 */
@Service
public class Numbers {

    public static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 3660;
    static final int FIRST_LEADS = 10;

    private final CallRecords records;
    private final CallHours callHours;
    private final Leads leads;
    private final Team team;
    private final BestTimes engine;
    private final Clock clock;

    Numbers(CallRecords records, CallHours callHours, Leads leads, Team team, BestTimes engine, Clock clock) {
        this.records = records;
        this.callHours = callHours;
        this.leads = leads;
        this.team = team;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * The numbers of the last {@code days} days. {@code owner} is a member's email or {@code me}; a rep
     * may name only themselves.
     */
    @Transactional(readOnly = true)
    public Summary summary(Actor actor, String owner, Integer days) {
        var problems = new InvalidInput.Collector();
        var period = days == null ? DEFAULT_DAYS : days;
        if (period < 1 || period > MAX_DAYS) {
            problems.add("days", "must be between 1 and " + MAX_DAYS + ", not " + period);
        }
        Member member = null;
        try {
            member = member(actor, owner);
        } catch (InvalidInput refused) {
            refused.problems().forEach(p -> problems.add(p.field(), p.message()));
        }
        problems.throwIfAny();
        var now = clock.instant();
        var range = new CallRecords.Range(now.minus(Duration.ofDays(period)), now, member == null ? null : member.id());
        var calls = callHours.between(range.from(), range.to(), range.memberId());
        var times = new ConnectTimes(calls);
        return new Summary(
                new Summary.Scope(member == null ? null : member.email(), range.from(), range.to()),
                Rates.followUpsToClose(records.followUpsOfSales(range).stream()
                        .map(sales -> new Summary.Count(sales.followUps(), sales.prospects()))
                        .toList()),
                Rates.reach(calls),
                Rates.abandoned(records.closings(range)),
                Rates.punctuality(records.appointmentCalls(range)),
                times.heatMap(),
                Rates.objections(records.objections(range)),
                noNextStep(member == null ? null : member.id()),
                times.best(engine));
    }

    Member member(Actor actor, String owner) {
        if (owner == null || owner.isBlank()) {
            return actor.seesWholeTeam() ? null : self(actor);
        }
        boolean me = owner.trim().equalsIgnoreCase("me") || owner.trim().equalsIgnoreCase(actor.email());
        if (!me && !actor.seesWholeTeam()) {
            throw InvalidInput.of("owner", "a rep's numbers are their own; leave owner out or use 'me'");
        }
        var named = me
                ? self(actor)
                : team.memberByEmail(owner.trim().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> InvalidInput.of(
                                "owner", "'" + owner + "' is not a member's email; use an email or 'me'"));
        return named;
    }

    private Member self(Actor actor) {
        return team.member(actor.id()).orElseThrow();
    }

    private Summary.NoNextStep noNextStep(UUID ownerId) {
        var left = leads.leftByLastCheck(ownerId);
        return new Summary.NoNextStep(
                left.size(),
                left.stream()
                        .limit(FIRST_LEADS)
                        .map(s -> new Summary.Lead(s.prospectId().toString(), s.fullName(), s.stage()))
                        .toList());
    }
}
