/** Stateless EJB implementations of the application services: transactions, security and orchestration. */
package org.earchive.archive.application.internal;
