/**
 * Fixity digests computed while bytes stream past: SHA-256 (universal) and SM3 (GB/T 32905, cited by the national
 * archive standards). BouncyCastle is imported here and nowhere else.
 */
package org.earchive.storage.digest;
