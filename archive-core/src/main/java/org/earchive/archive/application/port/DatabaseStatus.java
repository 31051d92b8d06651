package org.earchive.archive.application.port;

/** Whether the database answers, for the health check. */
public interface DatabaseStatus {
    /** The database's product and version when it answers; throws with the reason when it does not. */
    String check() throws Exception;
}
