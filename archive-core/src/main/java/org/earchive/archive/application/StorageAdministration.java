package org.earchive.archive.application;

import jakarta.ejb.Local;

/** Operations on the object store itself. */
@Local
public interface StorageAdministration {
    /** Re-wraps every data key under the current master key (after adding a new key first in the keyring). */
    long rotateKeys() throws EarchiveException;
}
