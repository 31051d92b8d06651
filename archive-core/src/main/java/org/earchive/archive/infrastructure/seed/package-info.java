/** First-start data: the business catalogue from its seed file, and the demo accounts of the embedded default. */
package org.earchive.archive.infrastructure.seed;
