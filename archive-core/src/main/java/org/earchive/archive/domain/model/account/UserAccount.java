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
import java.util.EnumSet;
import java.util.HashSet;
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

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "last_failed_at")
  private java.time.Instant lastFailedAt;

  @Column(name = "locked_until")
  private java.time.Instant lockedUntil;

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
      String username, String displayName, String passwordHash, String hall, Set<Role> roles, Set<String> skills) {
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
  public void revise(String displayName, String hall, Set<Role> roles, Set<String> skills, boolean absent, boolean enabled) {
    this.displayName = displayName;
    this.hall = hall;
    this.roles.clear();
    this.roles.addAll(roles);
    this.skills.clear();
    this.skills.addAll(skills);
    this.absent = absent;
    this.enabled = enabled;
  }

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
  public java.util.Optional<java.time.Instant> lockedAt(java.time.Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now) ? java.util.Optional.of(lockedUntil) : java.util.Optional.empty();
  }

  /**
   * The earliest moment the next attempt is looked at: after {@code delayAfter} failures in a row, each further one
   * doubles the wait (1 s, 2 s, 4 s, …).
   */
  public java.time.Instant nextAttemptAt(int delayAfter) {
    if (failedSignIns < delayAfter || lastFailedAt == null) {
      return java.time.Instant.MIN;
    }
    return lastFailedAt.plusSeconds(1L << Math.min(failedSignIns - delayAfter, 10));
  }

  public int failedSignIns() {
    return failedSignIns;
  }

  /** Counts a wrong password; true when this failure locked the account (then the count starts again). */
  public boolean signInFailed(java.time.Instant now, int lockAfter, java.time.Duration lockFor) {
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
