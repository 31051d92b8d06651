package org.earchive.archive.infrastructure.search.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * The collections behind the alias: the configset uploaded once, the first collection made when the cluster has none,
 * a new generation for each rebuild ({@code <alias>_<n>}), the alias moved to it and the old one deleted. Every step
 * tolerates another node doing the same at the same time.
 */
final class SolrCollections {
    private static final Logger LOG = Logger.getLogger(SolrCollections.class.getName());
    /** Raised when the schema changes: a new configset, used by the collections made after it. */
    static final String CONFIGSET = "earchive-1";

    private static final String[] CONFIG_FILES = {"schema.xml", "solrconfig.xml"};

    private final SolrClient client;
    private final String alias;
    private final int shards;
    private final int replicas;

    SolrCollections(SolrClient client, String alias, int shards, int replicas) {
        this.client = client;
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
    }

    /** The configset is uploaded and the alias points to a collection; the collection it points to. */
    String ensure() throws IOException {
        try {
            if (!new ConfigSetAdminRequest.List()
                    .process(client)
                    .getConfigSets()
                    .contains(CONFIGSET)) {
                upload();
            }
            Optional<String> current = current();
            if (current.isPresent()) {
                return current.get();
            }
            String first = alias + "_1";
            create(first);
            CollectionAdminRequest.createAlias(alias, first).process(client);
            LOG.info(() -> "Search: SolrCloud alias " + alias + " made, pointing to " + first);
            return first;
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("SolrCloud cannot be prepared for the archive: " + e.getMessage(), e);
        }
    }

    /** The collection the alias points to now. */
    Optional<String> current() throws IOException, SolrServerException {
        Map<String, String> aliases =
                new CollectionAdminRequest.ListAliases().process(client).getAliases();
        return Optional.ofNullable(aliases.get(alias));
    }

    /** A new, empty collection for a rebuild, named after the highest generation there is. */
    String next() throws IOException {
        try {
            List<String> existing = CollectionAdminRequest.listCollections(client);
            int highest = existing.stream()
                    .filter(c -> c.startsWith(alias + "_"))
                    .map(c -> c.substring(alias.length() + 1))
                    .filter(n -> n.matches("\\d{1,9}"))
                    .mapToInt(Integer::parseInt)
                    .max()
                    .orElse(0);
            String name = alias + "_" + (highest + 1);
            create(name);
            return name;
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("A new search collection cannot be made: " + e.getMessage(), e);
        }
    }

    /** Moves the alias to {@code collection} and deletes the collection it pointed to before. */
    void point(String collection) throws IOException {
        try {
            Optional<String> before = current();
            CollectionAdminRequest.createAlias(alias, collection).process(client);
            LOG.info(() ->
                    "Search: alias " + alias + " moved to " + collection + " (was " + before.orElse("none") + ")");
            if (before.isPresent() && !before.get().equals(collection)) {
                delete(before.get());
            }
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("The search alias cannot be moved: " + e.getMessage(), e);
        }
    }

    void delete(String collection) {
        try {
            CollectionAdminRequest.deleteCollection(collection).process(client);
        } catch (SolrServerException | IOException | RuntimeException e) {
            LOG.warning("Search collection " + collection + " not deleted (delete it by hand): " + e.getMessage());
        }
    }

    /** Deletes the alias and every generation behind it. */
    void dropAll() throws IOException {
        try {
            CollectionAdminRequest.deleteAlias(alias).process(client);
            for (String c : CollectionAdminRequest.listCollections(client)) {
                if (c.startsWith(alias + "_")) {
                    delete(c);
                }
            }
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("The search collections cannot be dropped: " + e.getMessage(), e);
        }
    }

    private void create(String name) throws IOException, SolrServerException {
        try {
            CollectionAdminRequest.createCollection(name, CONFIGSET, shards, replicas)
                    .process(client);
            LOG.info(() -> "Search: SolrCloud collection " + name + " made (" + shards + " shards x " + replicas
                    + " replicas)");
        } catch (RuntimeException e) {
            if (!CollectionAdminRequest.listCollections(client).contains(name)) {
                throw e;
            }
            // another node made it at the same moment
        }
    }

    private void upload() throws IOException, SolrServerException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String file : CONFIG_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("configset/" + file)) {
                    if (in == null) {
                        throw new IOException("The configset file " + file + " is missing from the application");
                    }
                    out.putNextEntry(new ZipEntry(file));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        try {
            new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(CONFIGSET)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(
                            zip.toByteArray(), CONFIGSET + ".zip", "application/octet-stream"))
                    .process(client);
            LOG.info(() -> "Search: configset " + CONFIGSET + " uploaded to SolrCloud");
        } catch (RuntimeException e) {
            if (!new ConfigSetAdminRequest.List()
                    .process(client)
                    .getConfigSets()
                    .contains(CONFIGSET)) {
                throw e;
            }
        }
    }
}
