/**
 * Open Badges 3.0 credentials as VC-JWTs, in plain Java (no Spring, no Vaadin): building the credential,
 * signing and verifying it, and encoding W3C Bitstring Status Lists. {@code certification} wires it to the
 * database, the key files and the web; command-line tools and tests can use it directly.
 */
package org.calibra.certification.credential;
