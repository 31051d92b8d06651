/**
 * Risk signals (风险提示), a business module of the EAR: it follows the archive's event topic and, when a case is
 * submitted or archived, looks for the same document presented in another case — the same file (digest) or the same
 * certificate number in the OCR text — and flags the case for its reviewer with the evidence. It uses archive-core's
 * application interfaces and DTOs only.
 */
package org.earchive.risk;
