package org.followthrough.team;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Countries;
import org.followthrough.common.EmailAddress;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.PlainText;
import org.followthrough.common.Refusal;
import org.followthrough.common.TimeZones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team's public face: who is in it, the organisation's defaults, and adding members. */
@Service
public class Team {

    private final Members members;
    private final Organisations organisations;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Team(
            Members members,
            Organisations organisations,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.organisations = organisations;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public Organisation organisation() {
        return organisations.current();
    }

    /** Whether the member asked to hear of new inquiries and trigger events by email as well. */
    public boolean wantsEmailAlerts(UUID memberId) {
        return members.emailAlerts(memberId);
    }

    public Optional<Member> member(UUID id) {
        return members.byId(id);
    }

    public Optional<Member> memberByEmail(String email) {
        return members.byEmail(email);
    }

    public List<Member> members() {
        return members.all();
    }

    /** Reps who can be given new prospects, in a stable order (for round-robin assignment). */
    public List<Member> activeReps() {
        return members.activeWithRole(Role.REP);
    }

    @Transactional
    public Member register(NewMember request) {
        var problems = new InvalidInput.Collector();
        var email = EmailAddress.parse(request.email());
        if (email.isEmpty()) {
            problems.add("email", "must be an email address such as dana@example.com");
        } else if (members.exists(email.get().value())) {
            throw Refusal.conflict("A member with email " + email.get() + " already exists.")
                    .with("email", email.get().value());
        }
        var fullName = PlainText.hasControlCharacters(request.fullName())
                ? null
                : MemberFields.fullName(request.fullName(), problems);
        if (PlainText.hasControlCharacters(request.fullName())) {
            problems.add("fullName", PlainText.CONTROL_CHARACTER);
        }
        if (request.role() == null) {
            problems.add("role", "is required: one of REP, MANAGER, ADMIN");
        }
        passwordPolicy.problemWith(request.password(), request.email()).ifPresent(p -> problems.add("password", p));
        var zone = MemberFields.timeZone(request.timeZone(), organisation().timeZone(), problems);
        var phone = MemberFields.phone(request.phone(), organisation().country(), problems);
        problems.throwIfAny();
        var member = new Member(UUID.randomUUID(), email.get().value(), fullName, request.role(), phone, zone, true);
        members.insert(member, passwordEncoder.encode(request.password()), clock.instant());
        return member;
    }

    /**
     * Renames the organisation or changes its country and time zone, the defaults for prospects
     * who give neither; managers and admins only.
     */
    @Transactional
    public Organisation changeOrganisation(Actor actor, String name, String country, String timeZone) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("Only managers and administrators change the organisation.");
        }
        var problems = new InvalidInput.Collector();
        if (PlainText.hasControlCharacters(name)) {
            problems.add("name", PlainText.CONTROL_CHARACTER);
        } else if (name == null || name.isBlank() || name.strip().length() > 200) {
            problems.add("name", "is required, at most 200 characters: the company name prospects hear");
        }
        var code = Countries.parse(country);
        if (code.isEmpty()) {
            problems.add("country", "'" + country + "' is not a country; " + Countries.hint());
        }
        var zone = TimeZones.parse(timeZone);
        if (zone.isEmpty()) {
            problems.add("timeZone", "'" + timeZone + "' is not a time zone; " + TimeZones.hint());
        }
        problems.throwIfAny();
        var changed = new Organisation(name.strip(), zone.get(), code.get());
        organisations.update(changed);
        return changed;
    }

    /** Stops a member signing in or using their tokens; their prospects go round the active reps. */
    @Transactional
    public void deactivate(Actor actor, UUID memberId) {
        deactivate(actor, memberId, null);
    }

    /**
     * Stops a member signing in or using their tokens; admins only, and never themselves. Their prospects
     * and open calls go to {@code reassignTo} (an active member's email) when given, else round the active
     * reps, in the same transaction, so nothing they worked is stranded.
     */
    @Transactional
    public Member deactivate(Actor actor, UUID memberId, String reassignTo) {
        if (!actor.isAdmin()) {
            throw Refusal.forbidden("Only administrators deactivate members.");
        }
        if (actor.id().equals(memberId)) {
            throw Refusal.badRequest("You cannot deactivate yourself; ask another administrator.");
        }
        var member = members.byId(memberId).orElseThrow(() -> Refusal.notFound("member", memberId));
        UUID successor = null;
        if (reassignTo != null && !reassignTo.isBlank()) {
            successor = members.byEmail(reassignTo)
                    .filter(m -> m.active() && !m.id().equals(memberId))
                    .map(Member::id)
                    .orElseThrow(() -> InvalidInput.of(
                            "reassignTo",
                            "'" + reassignTo.strip() + "' is not another active member of the team; give the email"
                                    + " of the member who takes over, or leave it out to share the prospects"
                                    + " among the active reps"));
        }
        if (members.deactivate(memberId)) {
            events.publishEvent(new MemberDeactivated(memberId, successor, actor.id()));
        }
        return members.byId(memberId).orElse(member);
    }
}
