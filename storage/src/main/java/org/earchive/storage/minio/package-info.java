/**
 * The production path: any S3-compatible store (MinIO, Ceph RGW, S3Proxy) through the MinIO Java client. The client
 * library is imported here and nowhere else.
 */
package org.earchive.storage.minio;
