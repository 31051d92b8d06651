package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.DocumentReader;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.PageImage;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.service.PageRenderer;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Reading a material's file: the watermarked page for viewers, its text, its description, and the bytes themselves
 * for the archive room. Every read checks the caller's hall and the record's access rules, and is audited.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultDocumentReader implements DocumentReader {

    @Inject
    Settings settings;

    @EJB
    RecordAccess access;

    @EJB
    DocumentTexts texts;

    @Inject
    PageRenderer renderer;

    @EJB
    DocumentRecorder recorder;

    @EJB
    HallRule hall;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Inject
    ObjectStore store;

    @Inject
    ArchiveRepository archive;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.READER})
    public DocumentContent open(long documentId) throws EarchiveException {
        // the unwatermarked bytes: the archive room's, and other systems' for archived records only (audited below);
        // everyone else views watermarked pages
        if (!context.isCallerInRole(Roles.ARCHIVIST) && !archive.isArchived(documentId)) {
            throw new EarchiveException(
                    ErrorCode.DOCUMENT_NOT_FOUND,
                    "没有编号为 " + documentId + " 的档案文件。No archived document has the id " + documentId + ".");
        }
        hall.document(documentId);
        DocumentView view = recorder.document(documentId);
        access.checkContent(documentId, context.getCallerPrincipal().getName());
        String key = StoredObject.keyFor(view.sha256());
        try {
            InputStream stream = store.get(key);
            audit.record(
                    context.getCallerPrincipal().getName(),
                    AuditAction.DOCUMENT_VIEWED,
                    "doc:" + documentId,
                    view.caseNumber() + " " + view.material());
            return new DocumentContent(view, stream);
        } catch (ObjectNotFoundException e) {
            throw new EarchiveException(
                    ErrorCode.INTEGRITY_FAILURE,
                    "文件 " + documentId + " 的内容在存储中缺失，请联系管理员从副本或备份恢复。The content of document " + documentId
                            + " is missing from the object store: ask an administrator to restore it from the replica or a backup.");
        } catch (StorageException e) {
            throw Failures.storeUnreadable(e);
        }
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public PageImage page(long documentId, int page, int dpi) throws EarchiveException {
        hall.document(documentId);
        DocumentView view = recorder.document(documentId);
        String reader = context.getCallerPrincipal().getName();
        access.checkContent(documentId, reader);
        ZoneId zone = settings.zone();
        String watermark = reader + " "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(ZonedDateTime.now(zone))
                + " earchive";
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        int pages;
        try (InputStream in = store.get(StoredObject.keyFor(view.sha256()))) {
            pages = renderer.render(in, view.contentType(), page, dpi, watermark, png);
        } catch (PageRenderer.NoSuchPage e) {
            throw new EarchiveException(ErrorCode.PAGE_NOT_FOUND, e.getMessage());
        } catch (ObjectNotFoundException e) {
            throw new EarchiveException(
                    ErrorCode.INTEGRITY_FAILURE,
                    "文件 " + documentId + " 的内容在存储中缺失。The content of document " + documentId
                            + " is missing from the store.");
        } catch (StorageException e) {
            throw Failures.storeUnreadable(e);
        } catch (IOException | RuntimeException e) {
            // the stored bytes are intact (every read is verified against the digest): they are just not a page we can
            // draw
            throw new EarchiveException(
                    ErrorCode.CANNOT_RENDER,
                    "文件 " + documentId + " 无法显示为页面，请下载原文件查看。Document " + documentId
                            + " cannot be shown as a page: download the file instead.",
                    e);
        }
        audit.record(
                reader,
                AuditAction.PAGE_VIEWED,
                "doc:" + documentId,
                view.caseNumber() + " page " + page + " watermarked");
        return new PageImage(documentId, page, pages, png.toByteArray(), watermark);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public String text(long documentId) throws EarchiveException {
        hall.document(documentId);
        recorder.document(documentId);
        access.checkContent(documentId, context.getCallerPrincipal().getName());
        return texts.of(documentId);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public DocumentView describe(long documentId) throws EarchiveException {
        hall.document(documentId);
        return recorder.document(documentId);
    }
}
