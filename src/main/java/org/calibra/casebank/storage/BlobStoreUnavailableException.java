package org.calibra.casebank.storage;

/**
 * The blob store could not be reached or refused an operation (network, credentials, bucket): the message says which
 * store, which operation and why, in words; nothing that depended on the operation may be recorded.
 */
public class BlobStoreUnavailableException extends RuntimeException {

    public BlobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
