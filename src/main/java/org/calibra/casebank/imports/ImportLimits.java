package org.calibra.casebank.imports;

/**
 * Bounds on what one import may unpack, against oversize uploads and zip bombs: the compressed size, the
 * total and per-file uncompressed bytes, the number of entries and the compression ratio of each entry.
 */
public record ImportLimits(long maxUploadBytes, long maxTotalBytes, long maxFileBytes, int maxEntries, int maxRatio) {

    /** 512 MB upload, 2 GB unpacked, 512 MB per file, 10,000 files, ratio 200 (DICOM rarely compresses beyond 20). */
    public static ImportLimits defaults() {
        return new ImportLimits(512L << 20, 2L << 30, 512L << 20, 10_000, 200);
    }
}
