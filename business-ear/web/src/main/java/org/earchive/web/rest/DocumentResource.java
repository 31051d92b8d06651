package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.earchive.archive.application.DocumentReader;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.PageImage;
import org.earchive.storage.IntegrityException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("documents")
@Tag(name = "documents", description = "Stored files, verified on every read")
public class DocumentResource {
    /** Objects up to this size are verified completely before the first byte is sent, so a failure is a clean 500. */
    private static final int VERIFY_FIRST_LIMIT = 1024 * 1024;

    @EJB
    DocumentReader documents;

    @GET
    @Path("{id}/content")
    @AllowedRoles(Roles.ARCHIVIST)
    @Operation(
            summary =
                    "The document's bytes, exactly as uploaded; the SHA-256 is in the Digest header. A download"
                            + " (attachment) unless inline=true asks to show a PDF or an image in the viewer; always sandboxed, never sniffed")
    public Response content(@PathParam("id") long id, @QueryParam("inline") boolean inline) throws EarchiveException {
        DocumentContent content = documents.open(id);
        DocumentView d = content.document();
        Response.ResponseBuilder response;
        if (d.size() <= VERIFY_FIRST_LIMIT) {
            response = Response.ok(readVerified(content), d.contentType());
        } else {
            StreamingOutput body = out -> {
                // An integrity failure at the end of the stream aborts the response, so no client receives a
                // complete-looking copy of damaged bytes.
                try (InputStream in = content.stream()) {
                    in.transferTo(out);
                }
            };
            response = Response.ok(body, d.contentType());
        }
        return response.header("Content-Length", d.size())
                .header(
                        "Digest",
                        "sha-256="
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(d.sha256())))
                .header("ETag", "\"" + d.sha256() + "\"")
                .header("Content-Disposition", disposition(d.fileName(), inline && viewable(d.contentType())))
                .header("X-Content-Type-Options", "nosniff")
                // stored content is data, never a page of this origin: no script runs even if a browser renders it
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    @GET
    @Path("{id}/pages/{page}")
    @Produces("image/png")
    @AllowedRoles({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary =
                    "One page (1-based) rendered for viewing at about dpi (24..300, default 100), watermarked with the"
                            + " reader and the time; X-Page-Count gives the number of pages. The archived object is never changed.")
    public Response page(
            @PathParam("id") long id, @PathParam("page") int page, @QueryParam("dpi") @DefaultValue("100") int dpi)
            throws EarchiveException {
        PageImage image = documents.page(id, page, dpi);
        return Response.ok(image.png(), "image/png")
                .header("X-Page-Count", image.pages())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("{id}/text")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @AllowedRoles({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The document's recognised text (the PDF/A's OCR layer), for reading beside the page")
    public String text(@PathParam("id") long id) throws EarchiveException {
        return documents.text(id);
    }

    /**
     * The whole content, read before anything is answered: bytes that fail their digest are an integrity failure; a
     * store that broke off while they were read (its gateway away) is an outage the reader retries, not damage.
     */
    static byte[] readVerified(DocumentContent content) throws EarchiveException {
        try (InputStream in = content.stream()) {
            ByteArrayOutputStream buffer =
                    new ByteArrayOutputStream((int) content.document().size());
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IntegrityException e) {
            throw new EarchiveException(
                    ErrorCode.INTEGRITY_FAILURE,
                    "文件 " + content.document().id() + " 的存储内容与登记的摘要不符，已阻止读取，请联系管理员从副本或备份恢复。" + e.getMessage());
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "档案存储暂时不可用，请稍后再试。The archive store broke off while the file was read: try again in a few"
                            + " minutes.",
                    e);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The document's description: material, size, SHA-256 and SM3")
    public DocumentView describe(@PathParam("id") long id) throws EarchiveException {
        return documents.describe(id);
    }

    /** A PDF or an image may be shown in the page's viewer; anything else is only ever downloaded. */
    static boolean viewable(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/pdf") || type.startsWith("image/");
    }

    static String disposition(String fileName, boolean inline) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
