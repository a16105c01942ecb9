/**
 * A DICOMweb subset over the case bank's images (PS3.18): WADO-RS instances, frames and metadata, QIDO-RS search,
 * per case version under {@code /dicomweb/cases/{versionId}/}, plus a search over every study the caller may see at
 * {@code /dicomweb/studies}. Access is the case bank's {@link org.calibra.casebank.CaseImageAccess}; content of a case
 * version never changes, so responses carry strong ETags and {@code Cache-Control: private, immutable}. Bytes are
 * streamed from the blob files (frames as ranges of the file). Images of cases that point at an external archive are
 * fetched from it by the server (ADR 0013). docs/dicomweb.md lists what is supported.
 */
package org.calibra.dicomweb;
