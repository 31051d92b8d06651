/**
 * The search index on SolrCloud (the city's cluster): SolrJ lives here and nowhere else. The collection's configset
 * (the same fields and smartcn analysis as the embedded Lucene index) ships with the application and is uploaded when
 * it first meets the cluster; searches go to an alias, so a rebuild fills a new collection and moves the alias.
 */
package org.earchive.archive.infrastructure.search.solr;
