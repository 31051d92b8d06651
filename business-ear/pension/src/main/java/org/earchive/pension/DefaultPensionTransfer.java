package org.earchive.pension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.CaseService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.TransferService;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultPensionTransfer implements PensionTransferService {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @EJB
    CaseService cases;

    @EJB
    TransferService transfers;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferDelivery send(String caseNumber, String receiver) throws EarchiveException {
        CaseView c = cases.find(caseNumber);
        if (!c.businessType().equals("TRANSFER")) {
            throw new EarchiveException(
                    ErrorCode.WRONG_BUSINESS_TYPE,
                    "案件 " + caseNumber + " 不是转移接续业务。Case " + caseNumber + " is " + c.businessType()
                            + ", not a pension transfer (TRANSFER).");
        }
        if (!c.status().equals("ARCHIVED") && !c.status().equals("APPROVED")) {
            throw new EarchiveException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "转移接续申请尚未审核通过，不能移交档案。The transfer application " + caseNumber + " is " + c.status()
                            + ": the archive moves once it is approved.");
        }
        Config config = ConfigProvider.getConfig(DefaultPensionTransfer.class.getClassLoader());
        Receivers receivers = Receivers.parse(config.getOptionalValue("earchive.transfer.receivers", String.class)
                .orElse(null));
        if (receiver == null || !receivers.byCode().containsKey(receiver)) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "未配置接收机构 " + receiver + "。No receiving office " + receiver + " is configured; known: "
                            + receivers.byCode().keySet() + " (EARCHIVE_TRANSFER_RECEIVERS).");
        }
        Path file = null;
        try {
            file = Files.createTempFile("transfer-", ".zip");
            TransferReport exported;
            try (OutputStream out = Files.newOutputStream(file)) {
                exported = transfers.export(TransferScope.person(c.applicantIdNumber()), out);
            }
            Optional<URI> url = receivers.url(receiver);
            TransferDelivery delivery = url.isPresent()
                    ? post(c, receiver, url.get(), file, exported, config)
                    : drop(c, receiver, receivers.folder(receiver).orElseThrow(), file, exported);
            transfers.delivered(
                    exported.packageId(),
                    receiver,
                    delivery.outcome(),
                    exported.records(),
                    delivery.outcome().equals("DELIVERED")
                            ? delivery.receiverOutcome() + ": " + delivery.imported() + " imported, "
                                    + delivery.alreadyHeld() + " already held"
                            : String.join("; ", delivery.problems()));
            return delivery;
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "移交包未能送达 " + receiver + "，请稍后重试。The package could not be" + " delivered to " + receiver + ": "
                            + e.getMessage() + ". Send again: the receiver does not import a record twice.",
                    e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // temporary
                }
            }
        }
    }

    private TransferDelivery post(
            CaseView c, String receiver, URI base, Path file, TransferReport exported, Config config)
            throws IOException, EarchiveException {
        String user =
                config.getOptionalValue("earchive.transfer.user", String.class).orElse("");
        String password = config.getOptionalValue("earchive.transfer.password", String.class)
                .orElse("");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/transfers/imports"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/zip")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int status = response.statusCode();
        if (status != 200 && status != 201 && status != 422) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "接收机构 " + receiver + " 未接收移交包（HTTP " + status
                            + "）。The receiving office " + receiver + " answered HTTP " + status + ": "
                            + abbreviate(response.body())
                            + ". Check the transfer account (EARCHIVE_TRANSFER_USER) and send again.");
        }
        JsonObject report = Json.createReader(new StringReader(response.body())).readObject();
        List<String> numbers = report.getJsonArray("archiveNumbers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        List<String> problems = report.getJsonArray("problems").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        return new TransferDelivery(
                c.caseNumber(),
                receiver,
                exported.packageId(),
                exported.records(),
                status == 422 ? "REFUSED" : "DELIVERED",
                report.getString("outcome"),
                report.getInt("imported"),
                report.getInt("alreadyHeld"),
                numbers,
                problems);
    }

    private static TransferDelivery drop(CaseView c, String receiver, Path folder, Path file, TransferReport exported)
            throws IOException {
        Files.createDirectories(folder);
        Path part = folder.resolve(exported.packageId() + ".zip.part");
        Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
        try (var channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(part, folder.resolve(exported.packageId() + ".zip"), StandardCopyOption.ATOMIC_MOVE);
        return new TransferDelivery(
                c.caseNumber(),
                receiver,
                exported.packageId(),
                exported.records(),
                "DELIVERED",
                "LEFT_IN_FOLDER",
                0,
                0,
                List.of(),
                List.of());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
