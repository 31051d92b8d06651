package org.earchive.archive.infrastructure.bagit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The record description's XML: written with StAX, validated against the published schema
 * ({@code org/earchive/archive/transfer/earchive-record-1.0.xsd}), read back with a parser that refuses DTDs and
 * external entities.
 */
public final class RecordXml {
    public static final String NS = "urn:earchive:record:1.0";
    public static final String SCHEMA = "/org/earchive/archive/transfer/earchive-record-1.0.xsd";
    private static final Schema COMPILED = compile();

    private RecordXml() {}

    private static Schema compile() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = RecordXml.class.getResource(SCHEMA);
            return f.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("The record schema does not compile: " + e.getMessage(), e);
        }
    }

    public static byte[] write(RecordDescription r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("record");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("version", "1.0");
            el(w, "archiveNumber", r.archiveNumber());
            el(w, "fonds", r.fonds());
            el(w, "year", String.valueOf(r.year()));
            el(w, "category", r.category());
            el(w, "retention", r.retention());
            if (r.retainUntil() != null) {
                el(w, "retainUntil", r.retainUntil().toString());
            }
            el(w, "title", r.title());
            el(w, "businessType", r.businessType());
            el(w, "material", r.material());
            el(w, "role", r.role());
            el(w, "caseNumber", r.caseNumber());
            w.writeStartElement("applicant");
            el(w, "citizenId", r.citizenId());
            el(w, "name", r.applicantName());
            w.writeEndElement();
            if (r.decidedAt() != null) {
                el(w, "decidedAt", r.decidedAt().toString());
            }
            el(w, "archivedAt", r.archivedAt().toString());
            el(w, "archivedBy", r.archivedBy());
            el(w, "legalHold", String.valueOf(r.legalHold()));
            el(w, "restricted", String.valueOf(r.restricted()));
            w.writeEmptyElement("file");
            w.writeAttribute("name", r.file().name());
            w.writeAttribute("mediaType", r.file().mediaType());
            w.writeAttribute("size", String.valueOf(r.file().size()));
            w.writeAttribute("sha256", r.file().sha256());
            w.writeAttribute("sm3", r.file().sm3());
            if (r.check() != null) {
                w.writeStartElement("fourPropertyCheck");
                w.writeAttribute("occasion", r.check().occasion());
                w.writeAttribute("checkedAt", r.check().checkedAt().toString());
                w.writeAttribute("passed", String.valueOf(r.check().passed()));
                for (RecordDescription.CheckItem i : r.check().items()) {
                    w.writeStartElement("item");
                    w.writeAttribute("property", i.property());
                    w.writeAttribute("subject", i.subject());
                    w.writeAttribute("check", i.check());
                    w.writeAttribute("passed", String.valueOf(i.passed()));
                    w.writeCharacters(i.detail() == null ? "" : i.detail());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeStartElement("provenance");
            el(w, "office", r.provenance().office());
            if (r.provenance().originalOffice() != null) {
                el(w, "originalOffice", r.provenance().originalOffice());
                el(w, "originalArchiveNumber", r.provenance().originalArchiveNumber());
            }
            w.writeEndElement();
            w.writeStartElement("audit");
            for (RecordDescription.Event e : r.audit()) {
                w.writeStartElement("event");
                w.writeAttribute("seq", String.valueOf(e.seq()));
                w.writeAttribute("at", e.at().toString());
                w.writeAttribute("actor", e.actor());
                w.writeAttribute("action", e.action());
                w.writeAttribute("hash", e.hash());
                w.writeCharacters(e.detail() == null ? "" : e.detail());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the record description: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void el(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    /** Every schema violation of the document, with its line; empty when it is valid. */
    public static List<String> validate(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            Validator v = COMPILED.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Reads a description that {@link #validate} accepted. */
    public static RecordDescription read(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Element root = d.getDocumentElement();
            Element file = child(root, "file");
            Element check = child(root, "fourPropertyCheck");
            RecordDescription.Check c = null;
            if (check != null) {
                List<RecordDescription.CheckItem> items = new ArrayList<>();
                for (Element i : children(check, "item")) {
                    items.add(new RecordDescription.CheckItem(
                            i.getAttribute("property"),
                            i.getAttribute("subject"),
                            i.getAttribute("check"),
                            Boolean.parseBoolean(i.getAttribute("passed")),
                            i.getTextContent()));
                }
                c = new RecordDescription.Check(
                        check.getAttribute("occasion"),
                        Instant.parse(check.getAttribute("checkedAt")),
                        Boolean.parseBoolean(check.getAttribute("passed")),
                        items);
            }
            Element prov = child(root, "provenance");
            List<RecordDescription.Event> events = new ArrayList<>();
            for (Element e : children(child(root, "audit"), "event")) {
                events.add(new RecordDescription.Event(
                        Long.parseLong(e.getAttribute("seq")),
                        Instant.parse(e.getAttribute("at")),
                        e.getAttribute("actor"),
                        e.getAttribute("action"),
                        e.getAttribute("hash"),
                        e.getTextContent()));
            }
            Element applicant = child(root, "applicant");
            String until = text(root, "retainUntil");
            String decided = text(root, "decidedAt");
            return new RecordDescription(
                    text(root, "archiveNumber"),
                    text(root, "fonds"),
                    Integer.parseInt(text(root, "year")),
                    text(root, "category"),
                    text(root, "retention"),
                    until == null ? null : LocalDate.parse(until),
                    text(root, "title"),
                    text(root, "businessType"),
                    text(root, "material"),
                    text(root, "role"),
                    text(root, "caseNumber"),
                    text(applicant, "citizenId"),
                    text(applicant, "name"),
                    decided == null ? null : Instant.parse(decided),
                    Instant.parse(text(root, "archivedAt")),
                    text(root, "archivedBy"),
                    Boolean.parseBoolean(text(root, "legalHold")),
                    Boolean.parseBoolean(text(root, "restricted")),
                    new RecordDescription.FileRef(
                            file.getAttribute("name"),
                            file.getAttribute("mediaType"),
                            Long.parseLong(file.getAttribute("size")),
                            file.getAttribute("sha256"),
                            file.getAttribute("sm3")),
                    c,
                    new RecordDescription.Provenance(
                            text(prov, "office"), text(prov, "originalOffice"), text(prov, "originalArchiveNumber")),
                    events);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable record description: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }
}
