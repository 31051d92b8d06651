package org.earchive.archive.domain.model.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A person or system that signs in. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {
    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "hall", length = 32)
    private String hall;

    @Column(name = "absent", nullable = false)
    private boolean absent;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    /** The hashes of the last passwords before the current one, newest first, separated by spaces. */
    @Column(name = "previous_password_hashes", length = 1600)
    private String previousPasswordHashes;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "last_failed_at")
    private Instant lastFailedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_skill", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "skill", length = 32)
    private Set<String> skills = new HashSet<>();

    protected UserAccount() {}

    public UserAccount(
            String username,
            String displayName,
            String passwordHash,
            String hall,
            Set<Role> roles,
            Set<String> skills) {
        if (username == null || !username.matches("[a-z][a-z0-9_.-]{1,63}")) {
            throw new IllegalArgumentException("A user name is 2–64 lower-case letters, digits, '.', '_' or '-'");
        }
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.hall = hall;
        this.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
        this.skills = new HashSet<>(skills);
    }

    /** An administrator's change of everything but the name and the password. */
    public void revise(
            String displayName, String hall, Set<Role> roles, Set<String> skills, boolean absent, boolean enabled) {
        this.displayName = displayName;
        this.hall = hall;
        this.roles.clear();
        this.roles.addAll(roles);
        this.skills.clear();
        this.skills.addAll(skills);
        this.absent = absent;
        this.enabled = enabled;
    }

    /** An administrator sets a password; {@code temporary}: its owner must change it at the next sign-in. */
    public void passwordSetByAdministrator(String hash, boolean temporary) {
        if (!hash.equals(passwordHash)) {
            remember(passwordHash);
        }
        this.passwordHash = hash;
        this.mustChangePassword = temporary;
    }

    /** The owner changes their password: the old one joins the history, the obligation to change ends. */
    public void passwordChanged(String hash) {
        remember(passwordHash);
        this.passwordHash = hash;
        this.mustChangePassword = false;
    }

    /** The current hash and the last ones before it (the policy refuses a password that matches any of them). */
    public List<String> recentPasswordHashes() {
        List<String> recent = new ArrayList<>();
        recent.add(passwordHash);
        if (previousPasswordHashes != null && !previousPasswordHashes.isBlank()) {
            recent.addAll(List.of(previousPasswordHashes.trim().split(" ")));
        }
        return recent;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Keeps the four hashes before the current one, so a new password differs from the last five. */
    private void remember(String hash) {
        if (hash == null) {
            return;
        }
        List<String> kept = new ArrayList<>(
                recentPasswordHashes().subList(1, recentPasswordHashes().size()));
        kept.add(0, hash);
        this.previousPasswordHashes = String.join(" ", kept.subList(0, Math.min(4, kept.size())));
    }

    /** Sets the hash without history (the demo accounts' seeding, tests). */
    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** Until when the account refuses every sign-in, if it is locked now. */
    public Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * The earliest moment the next attempt is looked at: after {@code delayAfter} failures in a row, each further one
     * doubles the wait (1 s, 2 s, 4 s, …).
     */
    public Instant nextAttemptAt(int delayAfter) {
        if (failedSignIns < delayAfter || lastFailedAt == null) {
            return Instant.MIN;
        }
        return lastFailedAt.plusSeconds(1L << Math.min(failedSignIns - delayAfter, 10));
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    /** Counts a wrong password; true when this failure locked the account (then the count starts again). */
    public boolean signInFailed(Instant now, int lockAfter, Duration lockFor) {
        failedSignIns++;
        lastFailedAt = now;
        if (failedSignIns >= lockAfter) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    /** A right password (or an administrator's unlock) clears the count and any lock. */
    public void signInSucceeded() {
        failedSignIns = 0;
        lastFailedAt = null;
        lockedUntil = null;
    }

    public String hall() {
        return hall;
    }

    public boolean absent() {
        return absent;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Set<String> skills() {
        return Set.copyOf(skills);
    }
}
