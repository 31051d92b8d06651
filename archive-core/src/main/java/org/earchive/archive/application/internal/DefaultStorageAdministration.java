package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.StorageAdministration;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultStorageAdministration implements StorageAdministration {
    @Inject
    ObjectStore store;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public long rotateKeys() throws EarchiveException {
        if (!(store instanceof KeyRotation rotation)) {
            return 0;
        }
        try {
            long n = rotation.rewrapKeys();
            audit.record(
                    context.getCallerPrincipal().getName(),
                    AuditAction.KEYS_ROTATED,
                    "object-store",
                    n + " data keys re-wrapped");
            return n;
        } catch (StorageException e) {
            throw new EarchiveException(ErrorCode.STORAGE_UNAVAILABLE, "Key rotation stopped: " + e.getMessage(), e);
        }
    }
}
