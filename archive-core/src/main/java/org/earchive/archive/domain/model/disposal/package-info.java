/** Disposition (到期鉴定与销毁): destruction lists of records past retention, approved before anything is destroyed. */
package org.earchive.archive.domain.model.disposal;
