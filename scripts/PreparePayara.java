import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Hardens a Payara Server 6 domain for earchive, offline (the domain stopped) and idempotently, by editing its
 * {@code domain.xml} as XML (not with sed: the distribution's own domain1 and a created domain spell their elements
 * differently) and writing its admin key file. Run by {@code scripts/prepare-payara.sh} as a single-file program.
 *
 * <ul>
 *   <li>every network listener of {@code server-config} (the config the server runs with) and {@code default-config}
 *       (the template of every other config) on 127.0.0.1; the HTTP listener on HTTP_ADDRESS when one is given
 *   <li>IIOP on loopback, JMX off, the embedded JMS broker and its port mapper on loopback, the Hazelcast data grid off
 *       (a single node has no peers; the cluster mode sets its own)
 *   <li>secure admin on (the admin listener speaks TLS, remote administration needs the password) and the admin
 *       user's password from PASSWORD_FILE ({@code AS_ADMIN_PASSWORD=…}, generated when absent, mode 600)
 *   <li>no {@code Server} or {@code X-Powered-By} header, no version on the container's own error pages
 * </ul>
 *
 * <p>Usage: {@code java PreparePayara.java DOMAIN_DIR PASSWORD_FILE [HTTP_ADDRESS]}
 */
public class PreparePayara {
  static final String LOOPBACK = "127.0.0.1";
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Dimq.hostname=127.0.0.1",
          "-Dhazelcast.socket.bind.any=false",
          "-Dfile.encoding=UTF-8",
          "-Dproduct.name=earchive",
          "-Dearchive-prepared=true");

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java PreparePayara.java DOMAIN_DIR PASSWORD_FILE [HTTP_ADDRESS]");
      System.exit(2);
    }
    Path domain = Path.of(args[0]);
    Path xml = domain.resolve("config/domain.xml");
    String httpAddress = args.length > 2 && !args[2].isBlank() ? args[2] : LOOPBACK;
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    for (Element config : children(first(doc.getDocumentElement(), "configs"), "config")) {
      String name = config.getAttribute("name");
      if (name.equals("server-config") || name.equals("default-config")) {
        harden(doc, config, name.equals("server-config") ? httpAddress : LOOPBACK);
      }
    }
    defaultJmsConnectionFactory(doc);
    Element secureAdmin = first(doc.getDocumentElement(), "secure-admin");
    if (secureAdmin != null) {
      secureAdmin.setAttribute("enabled", "true");
    }
    write(doc, xml);
    adminPassword(domain.resolve("config/admin-keyfile"), Path.of(args[1]));
  }

  static void harden(Document doc, Element config, String httpAddress) {
    Element network = first(config, "network-config");
    for (Element listener : descendants(network, "network-listener")) {
      String name = listener.getAttribute("name");
      listener.setAttribute("address", name.equals("http-listener-1") ? httpAddress : LOOPBACK);
      if (name.equals("admin-listener")) {
        listener.setAttribute("protocol", "pu-protocol");
      }
    }
    Element protocols = first(network, "protocols");
    for (Element http : descendants(protocols, "http")) {
      http.setAttribute("xpowered-by", "false");
      http.setAttribute("server-header", "false");
    }
    secureAdminProtocols(doc, protocols, config.getAttribute("name").equals("server-config"));
    for (Element iiop : descendants(config, "iiop-listener")) {
      iiop.setAttribute("address", LOOPBACK);
    }
    for (Element jmx : descendants(config, "jmx-connector")) {
      jmx.setAttribute("address", LOOPBACK);
      jmx.setAttribute("enabled", "false");
    }
    for (Element hz : descendants(config, "hazelcast-config-specific-configuration")) {
      hz.setAttribute("enabled", "false");
    }
    jms(doc, config);
    for (Element vs : descendants(first(config, "http-service"), "virtual-server")) {
      if (vs.getAttribute("id").equals("server")) {
        // no HTML error report naming the server and its version: the application's error pages answer instead
        property(doc, vs, "errorReportValve", "");
      }
    }
    Element java = first(config, "java-config");
    List<String> present = new ArrayList<>();
    for (Element option : children(java, "jvm-options")) {
      if (option.getTextContent().equals("-Xmx512m")) {
        option.setTextContent("-Xmx1g");
      }
      present.add(option.getTextContent());
    }
    for (String option : JVM_OPTIONS) {
      if (!present.contains(option)) {
        Element e = doc.createElement("jvm-options");
        e.setTextContent(option);
        java.appendChild(e);
      }
    }
  }

  /** The protocols {@code asadmin enable-secure-admin} adds: TLS on the admin port, plain HTTP redirected to it. */
  static void secureAdminProtocols(Document doc, Element protocols, boolean serverConfig) {
    if (children(protocols, "protocol").stream().anyMatch(p -> p.getAttribute("name").equals("pu-protocol"))) {
      return;
    }
    String nickname = serverConfig ? "s1as" : "glassfish-instance"; // the distribution's DAS and instance keys
    Element sec = element(doc, protocols, "protocol", "name", "sec-admin-listener", "security-enabled", "true");
    Element http = element(doc, sec, "http", "encoded-slash-enabled", "true", "default-virtual-server", "__asadmin",
        "xpowered-by", "false", "server-header", "false");
    element(doc, http, "file-cache");
    element(doc, sec, "ssl", "classname", "com.sun.enterprise.security.ssl.GlassfishSSLImpl", "client-auth", "want",
        "cert-nickname", nickname);
    Element redirect = element(doc, protocols, "protocol", "name", "admin-http-redirect");
    element(doc, redirect, "http-redirect", "secure", "true");
    Element pu = element(doc, protocols, "protocol", "name", "pu-protocol");
    Element unification = element(doc, pu, "port-unification");
    element(doc, unification, "protocol-finder", "protocol", "sec-admin-listener",
        "classname", "org.glassfish.grizzly.config.portunif.HttpProtocolFinder", "name", "http-finder");
    element(doc, unification, "protocol-finder", "protocol", "admin-http-redirect",
        "classname", "org.glassfish.grizzly.config.portunif.HttpProtocolFinder", "name", "admin-http-redirect");
  }

  /** The embedded broker, its port mapper and its services on loopback (server-config has no jms-service until then). */
  static void jms(Document doc, Element config) {
    Element jms = first(config, "jms-service");
    if (jms == null) {
      jms = doc.createElement("jms-service");
      jms.setAttribute("default-jms-host", "default_JMS_host");
      jms.setAttribute("type", "EMBEDDED");
      Element anchor = first(config, "cdi-service");
      config.insertBefore(jms, anchor);
    }
    Element host = first(jms, "jms-host");
    if (host == null) {
      host = element(doc, jms, "jms-host", "port", "${JMS_PROVIDER_PORT}", "name", "default_JMS_host");
    }
    host.setAttribute("host", LOOPBACK);
    property(doc, jms, "imq.hostname", LOOPBACK);
  }

  /**
   * The default JMS connection factory that Payara registers at a domain's first start when it creates the server's
   * jms-service itself; with the jms-service written here before that start, it is registered here too.
   */
  static void defaultJmsConnectionFactory(Document doc) {
    String pool = "jms/__defaultConnectionFactory-Connection-Pool";
    String jndi = "jms/__defaultConnectionFactory";
    Element resources = first(doc.getDocumentElement(), "resources");
    if (children(resources, "connector-resource").stream().noneMatch(r -> r.getAttribute("jndi-name").equals(jndi))) {
      element(doc, resources, "connector-connection-pool", "connection-definition-name", "jakarta.jms.ConnectionFactory",
          "max-pool-size", "250", "name", pool, "resource-adapter-name", "jmsra", "steady-pool-size", "1");
      element(doc, resources, "connector-resource", "jndi-name", jndi, "object-type", "system-all-req", "pool-name", pool);
    }
    for (Element server : children(first(doc.getDocumentElement(), "servers"), "server")) {
      if (server.getAttribute("name").equals("server")
          && children(server, "resource-ref").stream().noneMatch(r -> r.getAttribute("ref").equals(jndi))) {
        element(doc, server, "resource-ref", "ref", jndi);
      }
    }
  }

  /** Writes the admin user's salted SHA-256 (Payara's {SSHA256}: 100 rounds) for the password in the file. */
  static void adminPassword(Path keyfile, Path passwordFile) throws Exception {
    String password = null;
    if (Files.exists(passwordFile)) {
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      password = p.getProperty("AS_ADMIN_PASSWORD");
    }
    if (password == null || password.isBlank()) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(passwordFile.toAbsolutePath().getParent());
      Files.deleteIfExists(passwordFile);
      Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=" + password + "\n");
    }
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(password.getBytes(StandardCharsets.UTF_8));
    sha.update(salt);
    byte[] hash = sha.digest();
    for (int i = 2; i <= 100; i++) {
      hash = sha.digest(hash);
    }
    byte[] stored = new byte[hash.length + salt.length];
    System.arraycopy(hash, 0, stored, 0, hash.length);
    System.arraycopy(salt, 0, stored, hash.length, salt.length);
    Files.writeString(keyfile, "admin;{SSHA256}" + Base64.getEncoder().encodeToString(stored) + ";asadmin\n");
    Files.setPosixFilePermissions(keyfile, PosixFilePermissions.fromString("rw-------"));
  }

  static void property(Document doc, Element parent, String name, String value) {
    for (Element p : children(parent, "property")) {
      if (p.getAttribute("name").equals(name)) {
        p.setAttribute("value", value);
        return;
      }
    }
    Element p = doc.createElement("property");
    p.setAttribute("name", name);
    p.setAttribute("value", value);
    parent.insertBefore(p, parent.getFirstChild());
  }

  static Element element(Document doc, Element parent, String tag, String... attributes) {
    Element e = doc.createElement(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      e.setAttribute(attributes[i], attributes[i + 1]);
    }
    parent.appendChild(e);
    return e;
  }

  static Element first(Element parent, String tag) {
    if (parent == null) {
      return null;
    }
    List<Element> found = children(parent, tag);
    return found.isEmpty() ? null : found.get(0);
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> descendants(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    NodeList list = parent.getElementsByTagName(tag);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  static void write(Document doc, Path xml) throws Exception {
    File tmp = xml.resolveSibling("domain.xml.earchive-tmp").toFile();
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    t.transform(new DOMSource(doc), new StreamResult(tmp));
    Files.move(tmp.toPath(), xml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
