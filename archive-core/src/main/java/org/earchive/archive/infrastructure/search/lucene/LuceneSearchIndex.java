package org.earchive.archive.infrastructure.search.lucene;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.earchive.archive.domain.service.SearchIndex;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/** One writer and one searcher manager per application; both are thread-safe. */
@ApplicationScoped
public class LuceneSearchIndex implements SearchIndex {
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private SnapshotDeletionPolicy snapshots;

  @PostConstruct
  void open() {
    try {
      open(EarchiveSettings.current().indexDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index: " + e.getMessage(), e);
    }
  }

  void open(Path folder) throws IOException {
    Files.createDirectories(folder);
    directory = FSDirectory.open(folder);
    snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    IndexWriterConfig config = new IndexWriterConfig(new SmartChineseAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setIndexDeletionPolicy(snapshots);
    writer = new IndexWriter(directory, config);
    writer.commit();
    searchers = new SearcherManager(writer, null);
  }

  @Override
  public void index(Entry e) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("id", e.id(), Field.Store.YES));
    doc.add(new StringField("caseNumber", nz(e.caseNumber()), Field.Store.YES));
    doc.add(new StringField("citizenId", nz(e.citizenId()), Field.Store.NO));
    doc.add(new TextField("applicantName", nz(e.applicantName()), Field.Store.YES));
    doc.add(new StringField("businessType", nz(e.businessType()), Field.Store.YES));
    doc.add(new StringField("material", nz(e.material()), Field.Store.YES));
    doc.add(new TextField("title", nz(e.title()), Field.Store.YES));
    doc.add(new TextField("text", nz(e.text()), Field.Store.YES));
    writer.updateDocument(new Term("id", e.id()), doc);
    writer.commit();
    searchers.maybeRefresh();
  }

  @Override
  public long count() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public void ping() throws IOException {
    if (!writer.isOpen()) {
      throw new IOException("The search index writer is closed");
    }
    count();
  }

  @Override
  public long snapshotTo(Path target) throws IOException {
    writer.commit();
    IndexCommit commit = snapshots.snapshot();
    try {
      Files.createDirectories(target);
      long copied = 0;
      for (String file : commit.getFileNames()) {
        Files.copy(
            ((FSDirectory) directory).getDirectory().resolve(file),
            target.resolve(file),
            StandardCopyOption.REPLACE_EXISTING);
        copied++;
      }
      return copied;
    } finally {
      snapshots.release(commit);
      writer.deleteUnusedFiles();
    }
  }

  @PreDestroy
  void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
