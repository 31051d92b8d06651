/**
 * Fields read from a recognised page: the citizen ID and the unified social credit code with their check characters
 * (a single misread character repaired only where exactly one reading passes the check), the applicant's name, dates
 * range-checked, the form's title. Never a guessed value: what does not validate is reported as unreadable.
 */
package org.earchive.capture.pipeline.fields;
