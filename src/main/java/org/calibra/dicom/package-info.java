/**
 * Calibra's one DICOM codec (ADR 0012, ADR 0017): the only code that reads or writes Part 10 bytes
 * ({@code ArchitectureTest.only_the_dicom_codec_reads_or_writes_part_10_bytes}).
 * <ul>
 * <li>{@link org.calibra.dicom.DicomReader} reads a file in every transfer syntax Calibra accepts, whole
 * ({@link org.calibra.dicom.Part10}) or up to its pixel data ({@link org.calibra.dicom.Part10Header}, memory-mapped
 * from a path), reporting where the pixel data and each frame lie ({@link org.calibra.dicom.PixelDataLocation}).</li>
 * <li>{@link org.calibra.dicom.DataSet} and {@link org.calibra.dicom.Element} hold the elements, values little endian;
 * the data set's {@code put…} methods build an IOD with values encoded as PS3.5 says.</li>
 * <li>{@link org.calibra.dicom.Part10Writer} writes explicit VR little endian with defined lengths (keeping the original
 * transfer syntax and fragments for compressed pixel data), deterministically.</li>
 * <li>{@link org.calibra.dicom.Dictionary} is PS3.6 (tag, VR, keyword); {@link org.calibra.dicom.Tags} names the tags
 * the code refers to, as PS3.6 names them.</li>
 * </ul>
 * Plain Java: no Spring, no Vaadin, so the command-line importer and the synthetic generator use it too. Casebank maps a
 * header to its {@code DicomHeader}, DICOMweb writes DICOM JSON from the same elements, the synthetic generator builds
 * its CT and DX images as data sets. {@code deid} holds the de-identifier built on it.
 */
package org.calibra.dicom;
