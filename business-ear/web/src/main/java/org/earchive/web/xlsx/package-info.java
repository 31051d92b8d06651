/** Apache POI, in this package only: tables written as Excel workbooks (XLSX) for download. */
package org.earchive.web.xlsx;
