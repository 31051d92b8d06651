/** The DA/T 70 four-property check (四性检测): authenticity, integrity, usability, security, and its stored reports. */
package org.earchive.archive.domain.model.check;
