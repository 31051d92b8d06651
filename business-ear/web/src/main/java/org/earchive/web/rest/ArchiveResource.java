package org.earchive.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.dto.RecordView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("archive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Archive records: by number, by case (一事一档), by person (一人一档)")
public class ArchiveResource {
  @EJB ArchiveService archive;

  @GET
  @Path("records/{archiveNumber}")
  @RolesAllowed({"archivist", "auditor", "admin", "service", "reviewer"})
  @Operation(summary = "One archived item: archive number, retention, digests")
  public RecordView record(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
    return archive.record(archiveNumber);
  }

  @GET
  @Path("persons/{citizenId}")
  @RolesAllowed({"archivist", "auditor", "admin", "service"})
  @Operation(summary = "Everything archived about one citizen ID (一人一档)")
  public List<RecordView> person(@PathParam("citizenId") String citizenId) throws EarchiveException {
    return archive.person(citizenId);
  }

  @GET
  @Path("dossiers/{caseNumber}")
  @RolesAllowed({"archivist", "auditor", "admin", "service", "reviewer", "clerk"})
  @Operation(summary = "The dossier of one case (一事一档)")
  public List<RecordView> dossier(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
    return archive.dossier(caseNumber);
  }

  @GET
  @Path("search")
  @RolesAllowed({"archivist", "auditor", "admin", "service", "reviewer", "clerk"})
  @Operation(
      summary =
          "Full text (Chinese word segmentation) and filters over archived records: q, citizenId, name, businessType,"
              + " archiveNumber, category, from/to (yyyy-MM-dd), page, size; hits carry highlights. Clerks see their"
              + " own hall's records only.")
  public org.earchive.archive.application.dto.SearchResultView search(
      @jakarta.ws.rs.QueryParam("q") String q,
      @jakarta.ws.rs.QueryParam("citizenId") String citizenId,
      @jakarta.ws.rs.QueryParam("name") String name,
      @jakarta.ws.rs.QueryParam("businessType") String businessType,
      @jakarta.ws.rs.QueryParam("archiveNumber") String archiveNumber,
      @jakarta.ws.rs.QueryParam("category") String category,
      @jakarta.ws.rs.QueryParam("from") String from,
      @jakarta.ws.rs.QueryParam("to") String to,
      @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
      @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size)
      throws EarchiveException {
    return archive.search(
        new org.earchive.archive.application.dto.SearchRequest(
            q, citizenId, name, businessType, archiveNumber, category, RequestValues.date(from), RequestValues.date(to), page, size));
  }

}
