/**
 * Basic pension determination (基本养老金核定), a business module of the EAR: it reads the applicant's archive through
 * archive-core's application interfaces only, refuses when evidence is missing, computes with the national formula
 * from parameters kept as data, and files the computation sheet as a PDF/A in the case's dossier.
 */
package org.earchive.pension;
