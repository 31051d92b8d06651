package org.earchive.archive.application;

import java.time.Duration;

/**
 * How the incremental fixity check paces itself: every object verified at least once per {@code cycle}, each node
 * reading at most {@code bytesPerSecond}, for {@code roundEachMinute} of every minute (zero: only on demand).
 */
public record FixityPolicy(Duration cycle, long bytesPerSecond, Duration roundEachMinute) {}
