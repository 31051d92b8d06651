package org.earchive.archive.application.dto;

import java.time.Instant;

/**
 * One node's own figures, which the cluster-wide counts cannot show: its name (Payara instance @ host) and how long
 * its audited changes waited for the audit chain's head row since it started.
 */
public record NodeView(String node, Instant at, WaitHistogram auditHeadWait) {}
