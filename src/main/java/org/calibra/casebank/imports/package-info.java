/**
 * Import of real DICOM (issue 3 §1, ADR 0012): one pipeline — read a source bundle (folder or .zip, safely),
 * check every file, group study → series → instances, de-identify, write a clean bundle — used by three doors:
 * the start-up loader ({@code cases/}), the educators' upload page and {@code ./calibra import}. Plain Java
 * apart from the services that store results.
 */
package org.calibra.casebank.imports;
