/**
 * Archive records: what an approved case's materials become. One dossier per case (一事一档), indexed by person
 * (一人一档); each item numbered gap-free within its series (fonds–year–category–retention–item).
 */
package org.earchive.archive.domain.model.record;
