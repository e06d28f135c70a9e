package org.followthrough.prospects;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Ids;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.Outbox;
import org.followthrough.team.Actor;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's prospects. Every read and change on behalf of a member goes through here and is
 * checked against what that member may see: a rep their own prospects, managers and admins all.
 */
@Service
public class Prospects {

    /** The answer when someone else's prospect has the same email or phone: who owns them stays unsaid. */
    static final String ALREADY_IN_TEAM = "A prospect with this %s already exists in the team; ask a manager.";

    /** A stored prospect and whether it was new. */
    public record Saved(Prospect prospect, boolean created) {}

    /**
     * What became of a prospect described outside FollowThrough: stored (or found: {@code saved.created()} is
     * false for someone already known by the same email or phone) with the values set aside, each with why;
     * or, with {@code saved} null, refused for the reason {@code refused} gives.
     */
    public record Taken(
            Saved saved, java.util.List<org.followthrough.common.InvalidInput.FieldProblem> setAside, String refused) {}

    private final ProspectRows rows;
    private final Accounts accounts;
    private final Suppressions suppressions;
    private final Owners owners;
    private final Team team;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    /** How often an erasure is tried when the database ends it to break a deadlock. */
    static final int ERASE_ATTEMPTS = 3;

    Prospects(
            ProspectRows rows,
            Accounts accounts,
            Suppressions suppressions,
            Owners owners,
            Team team,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.rows = rows;
        this.accounts = accounts;
        this.suppressions = suppressions;
        this.owners = owners;
        this.team = team;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a prospect. One whose email (or, without email, phone) is already known is updated with
     * the given fields when {@code updateExisting}, otherwise refused with 409 naming the existing record.
     */
    @Transactional
    public Saved create(Actor actor, ProspectFields fields, boolean updateExisting, String source) {
        var checked = Intake.check(fields, context(actor, source)).orThrow();
        refuseIfSuppressed(checked);
        var existing =
                checked.email() != null ? rows.byEmail(checked.email()) : rows.byPhoneWithoutEmail(checked.phoneE164());
        if (existing.isPresent()) {
            var found = existing.get();
            if (!updateExisting || !actor.maySee(found.ownerId())) {
                throw alreadyExists(actor, found, updateExisting);
            }
            return new Saved(change(actor, found, ProspectChanges.overlay(found, fields, ownerEmail(found))), false);
        }
        var id = Ids.next();
        try {
            rows.insert(id, checked, accounts.accountFor(checked), source, null, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict(
                    "A prospect with email " + checked.email() + " was added at the same moment; try again.");
        }
        events.publishEvent(new ProspectCreated(id, checked.ownerId(), source));
        return new Saved(rows.byId(id).orElseThrow(), true);
    }

    /**
     * Adds a prospect like {@link #create}, but a value that cannot be taken (a time zone or region nobody
     * can read, a phone that is no number) is set aside instead of refusing the rest, and named in the
     * answer: for what people type into forms outside FollowThrough, where nobody is there to correct it.
     * Refused only when what is left names nobody FollowThrough can reach, or someone erased. The refusal
     * is the answer, not an exception, so the caller's transaction goes on to record it.
     */
    @Transactional
    public Taken createWhatFits(Actor actor, ProspectFields fields, String source) {
        try {
            return taken(actor, fields, source);
        } catch (org.followthrough.common.InvalidInput invalid) {
            return new Taken(null, List.of(), described(invalid.problems()));
        } catch (Refusal refused) {
            if (refused.properties().get("existingId") instanceof UUID existing) {
                var found = rows.byId(existing);
                if (found.isPresent()) {
                    return new Taken(new Saved(found.get(), false), List.of(), null);
                }
            }
            if (Boolean.TRUE.equals(refused.properties().get("suppressed"))) {
                return new Taken(null, List.of(), refused.getMessage());
            }
            throw refused;
        }
    }

    /**
     * Checks a person's details as taking in a web inquiry does (text, email, phone, country, the zone and
     * place they imply) and stores nothing, nor takes a turn in the reps' rotation: whether they would be
     * taken as they are. The warm-up after a start runs it, so that the first inquiry does not read the
     * zone tables and the phone areas cold.
     */
    public boolean wouldTake(ProspectFields fields) {
        var organisation = team.organisation();
        var nobody = new Actor(
                new UUID(0, 0), "nobody@followthrough.invalid", "Nobody", Role.ADMIN, organisation.timeZone());
        var context = new Intake.Context(
                nobody, organisation.country(), organisation.timeZone(), email -> Optional.empty(), nobody::id);
        return Intake.check(fields, context).checked() != null;
    }

    private static String described(List<org.followthrough.common.InvalidInput.FieldProblem> problems) {
        return String.join(
                "; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
    }

    private Taken taken(Actor actor, ProspectFields fields, String source) {
        var setAside = new java.util.ArrayList<org.followthrough.common.InvalidInput.FieldProblem>();
        var wanted = fields;
        var outcome = Intake.check(wanted, context(actor, source));
        while (outcome.checked() == null) {
            var refused = outcome.problems().stream()
                    .map(org.followthrough.common.InvalidInput.FieldProblem::field)
                    .collect(java.util.stream.Collectors.toSet());
            var without = ProspectChanges.without(wanted, refused);
            if (without.equals(wanted)) {
                outcome.orThrow();
            }
            setAside.addAll(outcome.problems());
            wanted = without;
            outcome = Intake.check(wanted, context(actor, source));
        }
        return new Taken(create(actor, wanted, false, source), List.copyOf(setAside), null);
    }

    public Optional<Prospect> find(Actor actor, UUID id) {
        return rows.byId(id).filter(p -> actor.maySee(p.ownerId()));
    }

    /** The prospect, or 404 when it does not exist or the member may not see it. */
    public Prospect get(Actor actor, UUID id) {
        return find(actor, id).orElseThrow(() -> Refusal.notFound("prospect", id));
    }

    /** For other modules acting on the team's behalf (timed work, signals); no member's view applies. */
    public Optional<Prospect> byId(UUID id) {
        return rows.byId(id);
    }

    /**
     * The prospect, with their row locked until the caller's transaction ends: for handlers that must not
     * run side by side for one person (two trigger events at the same moment make one trigger call).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<Prospect> byIdLocked(UUID id) {
        return rows.byIdLocked(id);
    }

    /** Many prospects at once, for work on whole batches (an import's new prospects). */
    public java.util.List<Prospect> byIds(java.util.Collection<UUID> ids) {
        return rows.byIds(ids);
    }

    public Optional<Prospect> byEmail(String email) {
        return email == null ? Optional.empty() : rows.byEmail(email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The prospects an import created, in id order after {@code after} (null: from the first), at most {@code limit}. */
    public java.util.List<Prospect> createdByImport(UUID importId, UUID after, int limit) {
        return rows.createdByImport(importId, after, limit);
    }

    /** The prospects with these (lower-case) emails, by email; unknown ones are left out. */
    public java.util.Map<String, Prospect> byEmails(java.util.Collection<String> emails) {
        return rows.byEmails(emails);
    }

    /** Everyone at the account, for rules about the whole buying group (R18). */
    public java.util.List<Prospect> atAccount(UUID accountId) {
        return accountId == null ? java.util.List.of() : rows.atAccount(accountId);
    }

    /**
     * The prospects the engine must keep a next step planned for (R23: open or nurtured), the owner's
     * or everyone's (null), a page at a time in id order after {@code after} (null: from the first).
     */
    public java.util.List<Prospect> followedUp(UUID ownerId, UUID after, int limit) {
        var stages = java.util.EnumSet.noneOf(Stage.class);
        for (var stage : Stage.values()) {
            if (stage.isFollowedUp()) {
                stages.add(stage);
            }
        }
        return rows.inStages(stages, ownerId, after, limit);
    }

    /** The account's most recently active prospect, for signals matched only by the company's web domain. */
    public Optional<Prospect> latestAt(UUID accountId) {
        return rows.latestAt(accountId);
    }

    /** Changes the named fields; a field given as null is cleared. */
    @Transactional
    public Prospect change(Actor actor, UUID id, java.util.Map<String, Object> changes) {
        var current = get(actor, id);
        return change(actor, current, ProspectChanges.apply(current, changes, ownerEmail(current)));
    }

    /**
     * Changes the named fields like {@link #change(Actor, UUID, java.util.Map)}, but a value that cannot be
     * taken (a phone that is no number) leaves its field as it was instead of refusing the rest: for what
     * people type into forms outside FollowThrough, where nobody is there to correct it.
     */
    @Transactional
    public Prospect changeWhatFits(Actor actor, UUID id, java.util.Map<String, Object> changes) {
        var current = get(actor, id);
        var wanted = new java.util.LinkedHashMap<>(changes);
        while (!wanted.isEmpty()) {
            var fields = ProspectChanges.apply(current, wanted, ownerEmail(current));
            var outcome = Intake.check(fields, context(actor));
            if (outcome.checked() != null) {
                return change(actor, current, fields);
            }
            var refused = outcome.problems().stream()
                    .map(org.followthrough.common.InvalidInput.FieldProblem::field)
                    .toList();
            if (!wanted.keySet().removeAll(refused)) {
                return current;
            }
        }
        return current;
    }

    /**
     * What became of a change made to many prospects at once: those changed (or left as they were, the
     * change being no change for them), and those refused, each with the refusal its change alone would
     * have had (404 for one erased meanwhile or not the member's, 400 naming the field that fails).
     */
    public record ChangedAll(java.util.List<UUID> changed, java.util.Map<UUID, RuntimeException> refused) {}

    /** The fields {@link #changeAll} changes: an owner or a flag, which leave the account and the email as they are. */
    static final java.util.Set<String> CHANGED_ALL = java.util.Set.of("owner", "doNotCall", "emailOptOut");

    /**
     * Makes the same change to many prospects as {@link #change(Actor, UUID, java.util.Map)} makes to
     * one — each checked as that would check them, seen as the member sees them — with one read, one
     * batch of writes and one event ({@link ProspectsChanged}) for the lot: for bulk actions. Only an
     * owner or a flag changes this way ({@link #CHANGED_ALL}). A refused prospect is left as it was and
     * named in the answer; the others are changed.
     */
    @Transactional
    public ChangedAll changeAll(Actor actor, java.util.Collection<UUID> ids, java.util.Map<String, Object> changes) {
        if (!CHANGED_ALL.containsAll(changes.keySet())) {
            throw new IllegalArgumentException(
                    "only " + CHANGED_ALL + " change for many at once, not " + changes.keySet());
        }
        var found = new java.util.HashMap<UUID, Prospect>();
        for (var p : rows.byIds(ids)) {
            if (actor.maySee(p.ownerId())) {
                found.put(p.id(), p);
            }
        }
        // the members looked up once for the lot, not once for each prospect
        var plain = context(actor);
        var members = new java.util.HashMap<String, Optional<org.followthrough.team.Member>>();
        var context = new Intake.Context(
                actor,
                plain.defaultCountry(),
                plain.defaultZone(),
                email -> members.computeIfAbsent(email, team::memberByEmail),
                plain.nextOwner());
        var emails = new java.util.HashMap<UUID, String>();
        var refused = new java.util.LinkedHashMap<UUID, RuntimeException>();
        var updates = new java.util.ArrayList<Object[]>();
        var written = new java.util.ArrayList<UUID>();
        var now = clock.instant();
        for (var id : ids) {
            var current = found.get(id);
            if (current == null) {
                refused.put(id, Refusal.notFound("prospect", id));
                continue;
            }
            try {
                var email = emails.computeIfAbsent(current.ownerId(), owner -> ownerEmail(current));
                var checked = Intake.check(ProspectChanges.apply(current, changes, email), context)
                        .orThrow();
                updates.add(ProspectRows.updateParams(id, checked, current.accountId(), now));
                written.add(id);
            } catch (org.followthrough.common.InvalidInput | Refusal notTaken) {
                refused.put(id, notTaken);
            }
        }
        rows.updateAll(updates);
        var after = new java.util.HashMap<UUID, Prospect>();
        rows.byIds(written).forEach(p -> after.put(p.id(), p));
        var announced = new java.util.ArrayList<ProspectChanged>();
        for (var id : written) {
            var fields = ProspectChanges.differences(found.get(id), after.get(id));
            if (!fields.isEmpty()) {
                announced.add(new ProspectChanged(id, fields));
            }
        }
        if (!announced.isEmpty()) {
            events.publishEvent(new ProspectsChanged(announced));
        }
        return new ChangedAll(java.util.List.copyOf(written), refused);
    }

    private Prospect change(Actor actor, Prospect current, ProspectFields wanted) {
        var checked = Intake.check(wanted, context(actor)).orThrow();
        if (checked.email() != null && !checked.email().equals(current.email())) {
            refuseIfSuppressed(checked);
            rows.byEmail(checked.email()).ifPresent(other -> {
                throw alreadyExists(actor, other, false);
            });
        }
        rows.update(current.id(), checked, accounts.accountFor(checked), clock.instant());
        var changed = rows.byId(current.id()).orElseThrow();
        var fields = ProspectChanges.differences(current, changed);
        if (!fields.isEmpty()) {
            events.publishEvent(new ProspectChanged(current.id(), fields));
        }
        return changed;
    }

    /**
     * Erases a person and everything about them; only hashes of their email and phone stay, so they
     * are not imported or contacted again until an administrator lifts the suppression.
     */
    public void erase(Actor actor, UUID id) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(tx -> eraseOnce(actor, id));
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                // the database rolled the whole erasure back to break a deadlock with a reaction to this
                // person (a signal's call being raised meanwhile): nothing of it stayed, so it is done again
                if (attempt == ERASE_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private void eraseOnce(Actor actor, UUID id) {
        var prospect = get(actor, id);
        events.publishEvent(new ProspectErased(id));
        outbox.forget(id);
        suppressions.add(prospect.email(), prospect.phoneE164(), actor.id());
        rows.delete(id);
    }

    /** Moves the prospect to a stage; whether it changed. */
    @Transactional
    public boolean moveTo(UUID id, Stage stage) {
        if (rows.moveTo(id, stage, clock.instant()) == 0) {
            return false;
        }
        events.publishEvent(new ProspectChanged(id, java.util.Set.of("stage")));
        return true;
    }

    @Transactional
    public void optOutOfEmail(UUID id) {
        if (rows.optOutOfEmail(id, clock.instant()) > 0) {
            events.publishEvent(new ProspectChanged(id, java.util.Set.of("emailOptOut")));
        }
    }

    Intake.Context context(Actor actor) {
        return context(actor, "API");
    }

    /** A web inquiry's new person goes to whoever takes web inquiries; anyone else nobody claimed, to the reps. */
    private Intake.Context context(Actor actor, String source) {
        var organisation = team.organisation();
        return new Intake.Context(
                actor,
                organisation.country(),
                organisation.timeZone(),
                team::memberByEmail,
                "SIGNAL".equals(source) ? () -> owners.nextForInquiry(actor.id()) : () -> owners.next(actor.id()));
    }

    /** The same checks for a whole file: members looked up once, the reps' turns counted without the database. */
    Intake.Context importContext(Actor actor, Owners.Rotation turns) {
        var organisation = team.organisation();
        var members = new java.util.concurrent.ConcurrentHashMap<String, Optional<org.followthrough.team.Member>>();
        // CRMs export an owner by name ("Contact owner: Dana Reyes") as often as by email: both find the member
        return new Intake.Context(
                actor,
                organisation.country(),
                organisation.timeZone(),
                owner -> members.computeIfAbsent(owner, o -> o.contains("@") ? team.memberByEmail(o) : memberNamed(o)),
                turns);
    }

    private Optional<org.followthrough.team.Member> memberNamed(String name) {
        var named = team.members().stream()
                .filter(m -> m.fullName() != null && m.fullName().strip().equalsIgnoreCase(name.strip()))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private void refuseIfSuppressed(Intake.Checked checked) {
        suppressions.suppressedSince(checked.email(), checked.phoneE164()).ifPresent(since -> {
            throw Refusal.conflict("This person was erased on "
                            + since.atOffset(ZoneOffset.UTC).toLocalDate()
                            + " and asked not to be contacted again; an administrator can lift the suppression.")
                    .with("suppressed", true);
        });
    }

    private Refusal alreadyExists(Actor actor, Prospect found, boolean updateWanted) {
        if (!actor.maySee(found.ownerId())) {
            // says nothing about who owns them, so a rep cannot map out other reps' prospects
            return Refusal.conflict(ALREADY_IN_TEAM.formatted(found.email() != null ? "email" : "phone"));
        }
        var who = found.email() != null ? "email " + found.email() : "phone " + found.phoneE164();
        var refusal = Refusal.conflict("A prospect with " + who + " already exists (" + found.fullName() + "); "
                + (updateWanted ? "change it with PATCH." : "add ?ifExists=update to update it instead."));
        return refusal.with("existingId", found.id()).with("existing", "/api/v1/prospects/" + found.id());
    }

    private String ownerEmail(Prospect prospect) {
        return team.member(prospect.ownerId()).map(m -> m.email()).orElse(null);
    }
}
