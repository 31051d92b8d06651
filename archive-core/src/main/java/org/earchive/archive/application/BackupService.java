package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.BackupReport;

/** A consistent copy of the embedded default (database, objects, index) taken while the server runs. */
@Local
public interface BackupService {
    BackupReport backup(String directory) throws EarchiveException;
}
