package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.MonitoringView;
import org.earchive.archive.application.dto.NodeView;

/** Counts for the managers' monitoring screen, read live from the database. */
@Local
public interface MonitoringService {
    MonitoringView summary();

    /** This node's own figures (a load balancer's pick; ask each instance's own port for all). */
    NodeView node();
}
