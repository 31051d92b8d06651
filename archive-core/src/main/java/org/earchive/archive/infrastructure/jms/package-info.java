/** Archive events on the server's JMS broker (a topic of JSON messages). */
package org.earchive.archive.infrastructure.jms;
