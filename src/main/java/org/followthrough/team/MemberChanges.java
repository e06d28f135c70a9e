package org.followthrough.team;

import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to members after they joined: each member edits their own name, phone and time zone and
 * changes their password (knowing the current one); administrators edit anyone's details, give a
 * role, take a deactivated member back and set a new password for someone who lost theirs. The same
 * checks as for a new member; an administrator never changes their own role, so a team always keeps
 * one.
 */
@Service
public class MemberChanges {

    /** A member's own details as a form gives them. */
    public record Details(String fullName, String phone, String timeZone) {}

    private final Members members;
    private final Team team;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final SignInAttempts attempts;

    MemberChanges(
            Members members,
            Team team,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            SignInAttempts attempts) {
        this.attempts = attempts;
        this.members = members;
        this.team = team;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
    }

    /** Changes the member's name, phone and time zone; their own, or anyone's for an admin. */
    /** The member's own choice of email alerts for new inquiries and trigger events. */
    @Transactional
    public void changeEmailAlerts(Actor actor, boolean wanted) {
        members.changeEmailAlerts(actor.id(), wanted);
    }

    @Transactional
    public Member changeDetails(Actor actor, UUID memberId, Details details) {
        var member = mayChange(actor, memberId);
        var problems = new InvalidInput.Collector();
        var organisation = team.organisation();
        var fullName = MemberFields.fullName(details.fullName(), problems);
        var phone = MemberFields.phone(details.phone(), organisation.country(), problems);
        var zone = MemberFields.timeZone(details.timeZone(), member.timeZone(), problems);
        problems.throwIfAny();
        members.changeDetails(memberId, fullName, phone, zone);
        return new Member(member.id(), member.email(), fullName, member.role(), phone, zone, member.active());
    }

    /** The member's own password, proven by the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String next) {
        var hash = members.passwordHash(actor.id()).orElseThrow(() -> Refusal.notFound("member", actor.id()));
        var problems = new InvalidInput.Collector();
        if (current == null || !passwordEncoder.matches(current, hash)) {
            problems.add("currentPassword", "is not your current password");
        }
        passwordPolicy.problemWith(next, actor.email()).ifPresent(p -> problems.add("newPassword", p));
        problems.throwIfAny();
        members.changePassword(actor.id(), passwordEncoder.encode(next));
    }

    /** An administrator sets a new password for a member who lost theirs; a lock from failed sign-ins ends. */
    @Transactional
    public void resetPassword(Actor actor, UUID memberId, String password) {
        var member = adminOver(actor, memberId);
        passwordPolicy.problemWith(password, member.email()).ifPresent(p -> {
            throw InvalidInput.of("password", p);
        });
        members.changePassword(memberId, passwordEncoder.encode(password));
        attempts.succeeded(member.email());
    }

    @Transactional
    public void changeRole(Actor actor, UUID memberId, Role role) {
        adminOver(actor, memberId);
        if (role == null) {
            throw InvalidInput.of("role", "is required: one of REP, MANAGER, ADMIN");
        }
        if (actor.id().equals(memberId)) {
            throw InvalidInput.of("role", "you cannot change your own role; ask another administrator");
        }
        members.changeRole(memberId, role);
    }

    /** Lets a deactivated member sign in again. */
    @Transactional
    public void reactivate(Actor actor, UUID memberId) {
        adminOver(actor, memberId);
        members.reactivate(memberId);
    }

    private Member mayChange(Actor actor, UUID memberId) {
        if (!actor.id().equals(memberId) && !actor.isAdmin()) {
            throw Refusal.forbidden("Only administrators change other members.");
        }
        return members.byId(memberId).orElseThrow(() -> Refusal.notFound("member", memberId));
    }

    private Member adminOver(Actor actor, UUID memberId) {
        if (!actor.isAdmin()) {
            throw Refusal.forbidden("Only administrators change members' roles, passwords and access.");
        }
        return members.byId(memberId).orElseThrow(() -> Refusal.notFound("member", memberId));
    }
}
