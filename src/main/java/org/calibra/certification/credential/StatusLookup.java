package org.calibra.certification.credential;

/** Whether the bit at {@code index} of the status list credential at {@code listUrl} is set. */
@FunctionalInterface
public interface StatusLookup {
    boolean isSet(String listUrl, int index);

    StatusLookup NONE_SET = (url, index) -> false;
}
