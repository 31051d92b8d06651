package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.MonitoringView;

/** Counts for the managers' monitoring screen, read live from the database. */
@Local
public interface MonitoringService {
    MonitoringView summary();
}
