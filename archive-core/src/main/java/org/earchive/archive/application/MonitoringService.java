package org.earchive.archive.application;

import jakarta.ejb.Local;
import jakarta.json.JsonObject;
import org.earchive.archive.application.dto.MonitoringView;
import org.earchive.archive.application.dto.NodeView;

/** Counts for the managers' monitoring screen, read live from the database. */
@Local
public interface MonitoringService {
    MonitoringView summary();

    /** This node's own figures (a load balancer's pick; ask each instance's own port for all). */
    NodeView node();

    /** Publishes the daily summary event now (the schedule does every morning); answers its details. */
    JsonObject publishDailySummary();
}
